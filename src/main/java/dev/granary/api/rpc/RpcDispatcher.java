package dev.granary.api.rpc;

import dev.granary.api.rpc.RpcMetrics.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routes JSON-RPC 2.0 request bodies (single or batch) to registered methods, enforcing each
 * method's permission. Transport-agnostic: the HTTP layer authenticates, then hands over the body and
 * the caller's permission, and sends back whatever {@link RpcResponse} says. Thread-safe.
 */
public final class RpcDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
    // Method names come from the client and end up in error messages; cap what we echo.
    private static final int MAX_ECHOED_NAME = 100;

    private final Map<String, RpcMethod> methods = new HashMap<>();
    private final RpcRequestParser parser;
    private final RpcMetrics metrics;

    /**
     * @param registry may be null to run without metrics
     * @param maxBatch most entries accepted in one batch; bounds the work one HTTP request can start
     * @throws IllegalArgumentException on duplicate method names or maxBatch < 1
     */
    public RpcDispatcher(Collection<RpcMethod> methods, MeterRegistry registry, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        for (RpcMethod method : methods) {
            if (this.methods.putIfAbsent(method.name(), method) != null) {
                throw new IllegalArgumentException("RPC method '" + method.name() + "' is registered twice");
            }
        }
        this.parser = new RpcRequestParser(maxBatch);
        this.metrics = new RpcMetrics(registry);
    }

    /**
     * Runs every call in {@code body} as a caller holding {@code granted}. Batch entries run
     * concurrently and are answered in request order. The future never fails: every problem with the
     * request becomes a JSON-RPC error in the response. It completes when the slowest handler does;
     * there is no timeout here because the HTTP layer owns request deadlines.
     */
    public Future<RpcResponse> dispatch(Buffer body, Permission granted) {
        Objects.requireNonNull(granted, "granted");
        RpcRequestParser.ParsedBody parsed = parser.parse(body);
        List<Future<RpcReply>> replies = parsed.entries().stream().map(entry -> run(entry, granted)).toList();
        // Each reply future recovers its own failures, so all() only ever succeeds.
        return Future.all(replies).map(done -> {
            List<RpcReply> answered = replies.stream().map(Future::result).toList();
            return parsed.batch() ? RpcResponseWriter.batch(answered) : RpcResponseWriter.single(answered.get(0));
        });
    }

    private Future<RpcReply> run(RpcRequest entry, Permission granted) {
        long start = metrics.start();
        return switch (entry) {
            case RpcRequest.Rejected rejected -> {
                metrics.record(RpcMetrics.UNKNOWN_METHOD, Outcome.ERROR, start);
                yield Future.succeededFuture(RpcReply.error(
                        rejected.id(), rejected.code(), rejected.message(), null, RpcReply.BAD_REQUEST));
            }
            case RpcRequest.Call call -> run(call, granted, start)
                    .map(reply -> call.notification() ? RpcReply.silent() : reply);
        };
    }

    private Future<RpcReply> run(RpcRequest.Call call, Permission granted, long start) {
        RpcMethod method = methods.get(call.method());
        if (method == null) {
            metrics.record(RpcMetrics.UNKNOWN_METHOD, Outcome.ERROR, start);
            return Future.succeededFuture(RpcReply.error(call.id(), RpcException.METHOD_NOT_FOUND,
                    "method '" + truncate(call.method()) + "' not found", null, RpcReply.OK));
        }
        if (!granted.covers(method.permission())) {
            metrics.record(method.name(), Outcome.DENIED, start);
            return Future.succeededFuture(RpcReply.error(call.id(), RpcException.PERMISSION_DENIED,
                    "missing permission to invoke '" + method.name() + "' (need '"
                            + method.permission().wireName() + "', have '" + granted.wireName() + "')",
                    null, RpcReply.UNAUTHORIZED));
        }
        if (!(call.params() instanceof JsonArray params)) {
            metrics.record(method.name(), Outcome.ERROR, start);
            return Future.succeededFuture(RpcReply.error(call.id(), RpcException.INVALID_PARAMS,
                    "params must be an array", null, RpcReply.OK));
        }
        return invoke(method, params, new RpcCall(method.name(), call.id(), granted)).transform(result -> {
            metrics.record(method.name(), result.succeeded() ? Outcome.OK : Outcome.ERROR, start);
            return Future.succeededFuture(toReply(call.id(), method.name(), result));
        });
    }

    private static Future<?> invoke(RpcMethod method, JsonArray params, RpcCall call) {
        try {
            Future<?> result = method.handler().handle(params, call);
            return result != null ? result
                    : Future.failedFuture(new IllegalStateException("handler returned no future"));
        } catch (RuntimeException e) {
            // A handler that throws instead of failing its future gets the same treatment.
            return Future.failedFuture(e);
        }
    }

    private static RpcReply toReply(Object id, String method, AsyncResult<?> result) {
        if (result.succeeded()) {
            return RpcReply.result(id, result.result());
        }
        Throwable failure = result.cause();
        if (failure instanceof RpcException rpc) {
            return RpcReply.error(id, rpc.code(), rpc.getMessage(), rpc.data(), RpcReply.OK);
        }
        // The stack trace stays in our log; the client only gets the message.
        LOG.warn("RPC method {} failed", method, failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return RpcReply.error(id, RpcException.INTERNAL_ERROR, message, null, RpcReply.OK);
    }

    private static String truncate(String name) {
        return name.length() <= MAX_ECHOED_NAME ? name : name.substring(0, MAX_ECHOED_NAME) + "...";
    }
}
