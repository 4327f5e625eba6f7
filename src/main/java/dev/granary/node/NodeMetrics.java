package dev.granary.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/** Node-wide meters under the granary_ prefix. */
final class NodeMetrics {
    private NodeMetrics() {
    }

    static void register(MeterRegistry registry) {
        Gauge.builder("granary.build", () -> 1)
                .description("Granary build; the version is a tag")
                .tag("version", BuildInfo.version())
                .register(registry);
    }

    /** For registries Vert.x did not fill: the same JVM meters vertx-micrometer binds when it owns the registry. */
    @SuppressWarnings("resource")
    static void bindJvm(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }
}
