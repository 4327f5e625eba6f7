package dev.granary.api;

import dev.granary.api.rpc.InvalidTokenException;
import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcDispatcher;
import dev.granary.node.NodeMessage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.concurrent.TimeUnit;

/** The node's one HTTP server: health, Prometheus metrics and JSON-RPC 2.0. */
public final class ApiVerticle extends VerticleBase {
    /** In-flight responses (a Shutdown call's own reply included) get this long to finish on stop. */
    private static final long SHUTDOWN_GRACE_SECONDS = 3;

    private enum Health { STARTING, READY, STOPPING }

    private final ApiConfig config;
    private final RpcDispatcher rpc;
    private final ApiAuth auth;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;
    private Health health = Health.STARTING;

    public ApiVerticle(ApiConfig config, RpcDispatcher rpc, ApiAuth auth, PrometheusMeterRegistry registry) {
        this.config = config;
        this.rpc = rpc;
        this.auth = auth;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.post("/rpc/v0")
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(this::rpc);
        router.errorHandler(413, this::bodyTooLarge);
        var lifecycle = vertx.eventBus().<NodeMessage>localConsumer(NodeMessage.LIFECYCLE, this::onLifecycle);
        return lifecycle.completion()
                .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host()))
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        health = Health.STOPPING;
        return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** The bound port, which differs from the configured one when that was 0. */
    public int actualPort() {
        return server.actualPort();
    }

    private void onLifecycle(Message<NodeMessage> message) {
        switch (message.body()) {
            case NodeMessage.Ready ready -> health = Health.READY;
            case NodeMessage.Stopping stopping -> health = Health.STOPPING;
            case NodeMessage.ShutdownRequested ignored -> { }
        }
    }

    private void health(RoutingContext ctx) {
        int status = health == Health.READY ? 200 : 503;
        String word = health == Health.READY ? "ok" : health.name().toLowerCase();
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", word).encode());
    }

    private void rpc(RoutingContext ctx) {
        Permission granted;
        try {
            granted = auth.permissionFor(ctx.request().getHeader("Authorization"));
        } catch (InvalidTokenException e) {
            sendJson(ctx, 401, RpcErrors.body(RpcErrors.UNAUTHORIZED, e.getMessage()).encode());
            return;
        }
        rpc.dispatch(ctx.body().buffer(), granted).onComplete(answer -> {
            if (answer.failed()) {
                sendJson(ctx, 500, RpcErrors.body(RpcErrors.INTERNAL, "internal error").encode());
            } else if (answer.result().body() == null) {
                ctx.response().setStatusCode(204).end();
            } else {
                sendJson(ctx, answer.result().httpStatus(), answer.result().body().toString());
            }
        });
    }

    private void bodyTooLarge(RoutingContext ctx) {
        sendJson(ctx, 413, RpcErrors.body(RpcErrors.INVALID_REQUEST,
                "request body larger than " + config.maxBodyBytes() + " bytes (api.max-body-bytes)").encode());
    }

    private static void sendJson(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }
}
