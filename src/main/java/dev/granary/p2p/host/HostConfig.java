package dev.granary.p2p.host;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link Libp2pHost} listens and what it tolerates.
 *
 * @param listen                     multiaddrs such as {@code /ip4/127.0.0.1/tcp/0}; empty for a dial-only host
 * @param agentVersion               sent in identify, e.g. {@code granary/0.1.0}
 * @param maxConnections             inbound plus outbound; further inbound sockets are closed at once
 * @param maxStreamsPerConnection    yamux limit for each direction of one connection
 * @param handshakeTimeout           from TCP accept/connect until yamux runs, and for each stream's protocol negotiation
 * @param idleTimeout                a connection with no bytes in either direction this long is closed
 */
public record HostConfig(List<String> listen, String agentVersion, int maxConnections, int maxStreamsPerConnection,
                         Duration handshakeTimeout, Duration idleTimeout) {
    public static final String DEFAULT_AGENT = "granary/0.1.0";

    public HostConfig {
        listen = List.copyOf(listen);
        if (maxConnections < 1 || maxStreamsPerConnection < 1) {
            throw new IllegalArgumentException("connection and stream limits must be positive");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Loopback on an ephemeral port; sensible limits for tests and small deployments. */
    public static HostConfig loopback() {
        return new HostConfig(List.of("/ip4/127.0.0.1/tcp/0"), DEFAULT_AGENT, 256, 256,
                Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    public HostConfig withListen(List<String> value) {
        return new HostConfig(value, agentVersion, maxConnections, maxStreamsPerConnection, handshakeTimeout, idleTimeout);
    }

    public HostConfig withHandshakeTimeout(Duration value) {
        return new HostConfig(listen, agentVersion, maxConnections, maxStreamsPerConnection, value, idleTimeout);
    }

    public HostConfig withMaxConnections(int value) {
        return new HostConfig(listen, agentVersion, value, maxStreamsPerConnection, handshakeTimeout, idleTimeout);
    }
}
