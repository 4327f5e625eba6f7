package dev.granary.api;

import dev.granary.api.rpc.JwtTokens;
import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcDispatcher;
import dev.granary.api.rpc.RpcMethod;
import dev.granary.node.MessageCodecs;
import dev.granary.node.NodeMessage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP layer over a real socket: readiness, auth header handling, body limits, batches. */
class ApiVerticleTest {
    private static final long BODY_LIMIT = 2048;

    private Vertx vertx;
    private WebClient http;
    private JwtTokens tokens;
    private ApiVerticle api;
    private String base;

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        MessageCodecs.registerOnce(vertx);
        http = WebClient.create(vertx);
        tokens = new JwtTokens(JwtTokens.newSecret());
        var methods = List.of(
                new RpcMethod("Granary.Echo", Permission.READ, (params, call) -> Future.succeededFuture(params)),
                new RpcMethod("Granary.Secret", Permission.ADMIN, (params, call) -> Future.succeededFuture("42")));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        api = new ApiVerticle(new ApiConfig("127.0.0.1", 0, BODY_LIMIT), new RpcDispatcher(methods, registry, 10),
                new ApiAuth(tokens), registry);
        vertx.deployVerticle(api).await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + api.actualPort();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void healthIs503UntilTheNodeAnnouncesReady() throws Exception {
        HttpResponse<Buffer> before = http.getAbs(base + "/health").send().await(5, TimeUnit.SECONDS);
        assertEquals(503, before.statusCode());
        assertEquals("starting", before.bodyAsJsonObject().getString("status"));

        vertx.eventBus().publish(NodeMessage.LIFECYCLE, new NodeMessage.Ready(base, "none"), MessageCodecs.LOCAL);
        assertEquals(200, pollHealthUntil(200));

        vertx.eventBus().publish(NodeMessage.LIFECYCLE, new NodeMessage.Stopping("test"), MessageCodecs.LOCAL);
        assertEquals(503, pollHealthUntil(503));
    }

    @Test
    void adminMethodNeedsAnAdminToken() throws Exception {
        JsonObject call = call("Granary.Secret", 1);
        assertEquals(401, post(null, call.encode()).statusCode());
        assertEquals(401, post(tokens.create(Permission.WRITE), call.encode()).statusCode());
        HttpResponse<Buffer> ok = post(tokens.create(Permission.ADMIN), call.encode());
        assertEquals(200, ok.statusCode());
        assertEquals("42", ok.bodyAsJsonObject().getString("result"));
    }

    @Test
    void aBadTokenIsRefusedEvenForReadMethods() throws Exception {
        HttpResponse<Buffer> forged = post("not.a.token", call("Granary.Echo", 1).encode());
        assertEquals(401, forged.statusCode());
        assertEquals(-32001, forged.bodyAsJsonObject().getJsonObject("error").getInteger("code"));
        HttpResponse<Buffer> otherSecret = post(new JwtTokens(JwtTokens.newSecret()).create(Permission.ADMIN),
                call("Granary.Echo", 1).encode());
        assertEquals(401, otherSecret.statusCode());
    }

    @Test
    void bodiesOverTheLimitGet413WithAReadableError() throws Exception {
        String big = call("Granary.Echo", 1).put("params", new JsonArray().add("x".repeat((int) BODY_LIMIT))).encode();
        HttpResponse<Buffer> refused = post(null, big);
        assertEquals(413, refused.statusCode());
        assertTrue(refused.bodyAsJsonObject().getJsonObject("error").getString("message").contains(String.valueOf(BODY_LIMIT)));
        assertEquals(200, post(null, call("Granary.Echo", 2).encode()).statusCode(), "still serving");
    }

    @Test
    void batchesAndNotificationsOverHttp() throws Exception {
        JsonArray batch = new JsonArray().add(call("Granary.Echo", 1)).add(call("Granary.Nope", 2)).add(call("Granary.Secret", 3));
        HttpResponse<Buffer> response = post(null, batch.encode());
        assertEquals(200, response.statusCode());
        JsonArray answers = response.bodyAsJsonArray();
        assertEquals(3, answers.size());
        assertEquals(-32601, answers.getJsonObject(1).getJsonObject("error").getInteger("code"));
        assertEquals(-32001, answers.getJsonObject(2).getJsonObject("error").getInteger("code"));

        JsonObject notification = call("Granary.Echo", 0);
        notification.remove("id");
        assertEquals(204, post(null, notification.encode()).statusCode());
    }

    @Test
    void metricsAreServedInPrometheusFormat() throws Exception {
        post(null, call("Granary.Echo", 1).encode());
        String text = http.getAbs(base + "/metrics").send().await(5, TimeUnit.SECONDS).bodyAsString();
        assertTrue(text.contains("granary_rpc_requests_total"), text);
    }

    private int pollHealthUntil(int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int status;
        do {
            status = http.getAbs(base + "/health").send().await(5, TimeUnit.SECONDS).statusCode();
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    private HttpResponse<Buffer> post(String token, String body) throws Exception {
        var request = http.postAbs(base + "/rpc/v0").putHeader("content-type", "application/json");
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.sendBuffer(Buffer.buffer(body)).await(5, TimeUnit.SECONDS);
    }

    private static JsonObject call(String method, int id) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", new JsonArray());
    }
}
