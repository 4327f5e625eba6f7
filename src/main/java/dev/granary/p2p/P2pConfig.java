package dev.granary.p2p;

import java.time.Duration;

/**
 * The libp2p host deal clients dial, and what it tolerates from them.
 *
 * @param listen                  a multiaddr such as {@code /ip4/0.0.0.0/tcp/24001}, or empty for no libp2p listener
 * @param maxConnections          inbound plus outbound; further inbound sockets are closed at once
 * @param maxStreamsPerConnection yamux streams each side may have open on one connection; more SYNs get RST
 * @param handshakeTimeout        from TCP accept until yamux runs, and for each stream's protocol negotiation
 * @param idleTimeout             a connection without a byte in either direction this long is closed
 */
public record P2pConfig(String listen, int maxConnections, int maxStreamsPerConnection, Duration handshakeTimeout,
                        Duration idleTimeout) {
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_STREAMS_PER_CONNECTION = 256;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    /** {@code listen} with the default limits (those in conf/granary.yaml). */
    public P2pConfig(String listen) {
        this(listen, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_STREAMS_PER_CONNECTION, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT);
    }

    public boolean enabled() {
        return listen != null && !listen.isBlank();
    }
}
