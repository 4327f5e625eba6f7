package dev.granary.p2p.host;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * The host's meters: open connections and streams (gauges read from the host), bytes on the wire in each
 * direction, and connections that never reached yamux, tagged with a short fixed reason so the tag stays
 * low-cardinality. Without a registry every call is a no-op, so the hot paths need no null checks.
 */
final class HostMetrics {
    static final String CONNECTIONS = "granary.p2p.connections";
    static final String STREAMS = "granary.p2p.streams";
    static final String BYTES = "granary.p2p.bytes";
    static final String HANDSHAKE_FAILURES = "granary.p2p.handshake.failures";
    static final String CONNECTIONS_OPENED = "granary.p2p.connections.opened";
    static final String CONNECTIONS_CLOSED = "granary.p2p.connections.closed";
    static final String PINGS_ANSWERED = "granary.p2p.pings.answered";

    private final MeterRegistry registry;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final List<Meter> gauges;

    private HostMetrics(MeterRegistry registry, Libp2pHost host) {
        this.registry = registry;
        if (registry == null) {
            bytesIn = null;
            bytesOut = null;
            gauges = List.of();
            return;
        }
        bytesIn = Counter.builder(BYTES).tag("direction", "in").baseUnit("bytes")
                .description("Bytes read from libp2p connections, encrypted framing included").register(registry);
        bytesOut = Counter.builder(BYTES).tag("direction", "out").baseUnit("bytes")
                .description("Bytes written to libp2p connections, encrypted framing included").register(registry);
        gauges = List.of(
                Gauge.builder(CONNECTIONS, host, Libp2pHost::connectionCount)
                        .description("Open or opening libp2p connections").register(registry),
                Gauge.builder(STREAMS, host, Libp2pHost::streamCount)
                        .description("Open yamux streams over all connections").register(registry));
    }

    /** @param registry null for no metrics */
    static HostMetrics create(MeterRegistry registry, Libp2pHost host) {
        return new HostMetrics(registry, host);
    }

    void bytesIn(int count) {
        if (bytesIn != null) {
            bytesIn.increment(count);
        }
    }

    void bytesOut(int count) {
        if (bytesOut != null) {
            bytesOut.increment(count);
        }
    }

    /** @param reason one of a few fixed words (see {@link Connection}), never free text */
    void handshakeFailed(String reason) {
        if (registry != null) {
            registry.counter(HANDSHAKE_FAILURES, "reason", reason).increment();
        }
    }

    /** A connection reached yamux; {@code direction} is {@code inbound} or {@code outbound}. */
    void connectionOpened(String direction) {
        if (registry != null) {
            registry.counter(CONNECTIONS_OPENED, "direction", direction).increment();
        }
    }

    /** An established connection ended, by us or the peer; churn here with steady traffic means trouble. */
    void connectionClosed(String direction) {
        if (registry != null) {
            registry.counter(CONNECTIONS_CLOSED, "direction", direction).increment();
        }
    }

    /**
     * We answered a peer's liveness probe: {@code layer} is {@code yamux} (keepalive ping frames) or
     * {@code protocol} (an /ipfs/ping/1.0.0 round trip, which js-libp2p's connection monitor sends).
     */
    void pingAnswered(String layer) {
        if (registry != null) {
            registry.counter(PINGS_ANSWERED, "layer", layer).increment();
        }
    }

    /** Drops the gauges so a closed host is not kept alive by the registry or reported as still open. */
    void close() {
        for (Meter gauge : gauges) {
            registry.remove(gauge);
        }
    }
}
