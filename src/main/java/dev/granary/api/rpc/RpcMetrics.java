package dev.granary.api.rpc;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Per-call counters and timings; a no-op when the node runs without a registry. */
final class RpcMetrics {

    static final String REQUESTS = "granary_rpc_requests_total";
    static final String DURATION = "granary_rpc_duration_seconds";
    /** Tag for names we do not serve, so clients cannot blow up the series count with made-up names. */
    static final String UNKNOWN_METHOD = "unknown";

    enum Outcome {
        OK, ERROR, DENIED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    /** @param registry may be null to disable metrics */
    RpcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    long start() {
        return registry == null ? 0L : registry.config().clock().monotonicTime();
    }

    void record(String methodTag, Outcome outcome, long startNanos) {
        if (registry == null) {
            return;
        }
        registry.counter(REQUESTS, "method", methodTag, "outcome", outcome.tag()).increment();
        long elapsed = registry.config().clock().monotonicTime() - startNanos;
        registry.timer(DURATION, "method", methodTag).record(elapsed, TimeUnit.NANOSECONDS);
    }
}
