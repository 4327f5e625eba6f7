package dev.granary.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The store's own meters: statement latency by outcome, and the schema version. Pool metrics come
 * from vertx-micrometer-metrics under the pool name. Meters are removed on close so a store reopened
 * in the same JVM (tests, node restarts in-process) does not leave stale values behind.
 */
final class StoreMetrics {
    static final String STATEMENTS = "granary.store.statements";
    static final String SCHEMA_VERSION = "granary.store.schema.version";

    /** For nodes running without a registry; every method is a no-op. */
    static final StoreMetrics NONE = new StoreMetrics(null, null, null, null);

    private final MeterRegistry registry;
    private final Timer succeeded;
    private final Timer failed;
    private final Gauge schemaVersion;

    private StoreMetrics(MeterRegistry registry, Timer succeeded, Timer failed, Gauge schemaVersion) {
        this.registry = registry;
        this.succeeded = succeeded;
        this.failed = failed;
        this.schemaVersion = schemaVersion;
    }

    static StoreMetrics create(MeterRegistry registry, Dialect dialect, int version) {
        if (registry == null) {
            return NONE;
        }
        String backend = dialect.name().toLowerCase();
        Gauge gauge = Gauge.builder(SCHEMA_VERSION, () -> version)
                .description("Highest migration applied to the store")
                .tag("backend", backend)
                .register(registry);
        return new StoreMetrics(registry, timer(registry, backend, "success"), timer(registry, backend, "failure"), gauge);
    }

    void statementDone(long startNanos, boolean success) {
        if (registry != null) {
            (success ? succeeded : failed).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    void remove() {
        if (registry != null) {
            registry.remove(succeeded);
            registry.remove(failed);
            registry.remove(schemaVersion);
        }
    }

    private static Timer timer(MeterRegistry registry, String backend, String outcome) {
        return Timer.builder(STATEMENTS)
                .description("SQL statements run through the store")
                .tags("backend", backend, "outcome", outcome)
                .register(registry);
    }
}
