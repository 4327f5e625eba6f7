package dev.granary.api.rpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcMetricsTest {

    private final SampleApi api = new SampleApi();

    private static String call(String method) {
        return new JsonObject().put("jsonrpc", "2.0").put("method", method).put("id", 1).encode();
    }

    private static double count(MeterRegistry registry, String method, String outcome) {
        Counter counter = registry.find("granary_rpc_requests_total")
                .tag("method", method).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eachOutcomeIsCountedUnderItsMethod() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RpcDispatcher dispatcher = new RpcDispatcher(api.all(), registry, 10);

        RpcDispatcherTest.dispatch(dispatcher, call("Granary.Version"), Permission.READ);
        RpcDispatcherTest.dispatch(dispatcher, call("Granary.Version"), Permission.READ);
        RpcDispatcherTest.dispatch(dispatcher, call("Granary.Shutdown"), Permission.READ);
        RpcDispatcherTest.dispatch(dispatcher, call("Granary.Fail"), Permission.READ);
        RpcDispatcherTest.dispatch(dispatcher, call("Granary.Reject"), Permission.READ);

        assertEquals(2, count(registry, "Granary.Version", "ok"));
        assertEquals(1, count(registry, "Granary.Shutdown", "denied"));
        assertEquals(1, count(registry, "Granary.Fail", "error"));
        assertEquals(1, count(registry, "Granary.Reject", "error"));
        assertEquals(0, count(registry, "Granary.Version", "error"));
        Timer timer = registry.find("granary_rpc_duration_seconds").tag("method", "Granary.Version").timer();
        assertEquals(2, timer.count());
    }

    @Test
    void madeUpMethodNamesShareOneSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RpcDispatcher dispatcher = new RpcDispatcher(api.all(), registry, 10);

        RpcDispatcherTest.dispatch(dispatcher, call("Evil.One"), Permission.ADMIN);
        RpcDispatcherTest.dispatch(dispatcher, call("Evil.Two"), Permission.ADMIN);
        RpcDispatcherTest.dispatch(dispatcher, "not json", Permission.ADMIN);

        assertEquals(3, count(registry, "unknown", "error"));
        assertNull(registry.find("granary_rpc_requests_total").tag("method", "Evil.One").counter());
    }

    @Test
    void batchEntriesAndNotificationsAreCountedIndividually() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RpcDispatcher dispatcher = new RpcDispatcher(api.all(), registry, 10);
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\"}";

        RpcDispatcherTest.dispatch(dispatcher,
                "[" + call("Granary.Version") + "," + notification + "," + call("Granary.Shutdown") + "]",
                Permission.WRITE);

        assertEquals(2, count(registry, "Granary.Version", "ok"));
        assertEquals(1, count(registry, "Granary.Shutdown", "denied"));
    }

    @Test
    void prometheusExportKeepsTheDocumentedNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RpcDispatcher dispatcher = new RpcDispatcher(api.all(), registry, 10);

        RpcDispatcherTest.dispatch(dispatcher, call("Granary.Version"), Permission.READ);

        String scrape = registry.scrape();
        assertTrue(scrape.contains("granary_rpc_requests_total{method=\"Granary.Version\",outcome=\"ok\"} 1"), scrape);
        assertTrue(scrape.contains("granary_rpc_duration_seconds_count{method=\"Granary.Version\"} 1"), scrape);
    }
}
