package dev.granary.api.rpc;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A small API surface exercising every way a handler can answer. */
final class SampleApi {

    record Version(String version, int apiLevel) {
    }

    final AtomicInteger versionCalls = new AtomicInteger();
    final AtomicInteger shutdownCalls = new AtomicInteger();
    volatile RpcCall lastCall;
    /** Completed only by Granary.Release, so Granary.Await finishes only if both run at the same time. */
    final Promise<String> gate = Promise.promise();

    List<RpcMethod> all() {
        return List.of(
                new RpcMethod("Granary.Version", Permission.READ, (params, call) -> {
                    versionCalls.incrementAndGet();
                    lastCall = call;
                    return Future.succeededFuture(new JsonObject().put("version", "1.2.3"));
                }),
                new RpcMethod("Granary.Shutdown", Permission.ADMIN, (params, call) -> {
                    shutdownCalls.incrementAndGet();
                    return Future.succeededFuture(null);
                }),
                new RpcMethod("Granary.Echo", Permission.READ, (params, call) -> Future.succeededFuture(params)),
                new RpcMethod("Granary.Record", Permission.READ,
                        (params, call) -> Future.succeededFuture(new Version("1.2.3", 7))),
                new RpcMethod("Granary.Fail", Permission.READ,
                        (params, call) -> Future.failedFuture(new IllegalStateException("disk on fire"))),
                new RpcMethod("Granary.Throw", Permission.READ, (params, call) -> {
                    throw new IllegalArgumentException("thrown before any future existed");
                }),
                new RpcMethod("Granary.Silent", Permission.READ,
                        (params, call) -> Future.failedFuture(new RuntimeException())),
                new RpcMethod("Granary.NoFuture", Permission.READ, (params, call) -> null),
                new RpcMethod("Granary.Reject", Permission.READ, (params, call) -> Future.failedFuture(
                        new RpcException(-32010, "deal rejected", new JsonObject().put("reason", "price")))),
                new RpcMethod("Granary.ThrowRpc", Permission.READ, (params, call) -> {
                    throw RpcException.invalidParams("expected 1 parameter");
                }),
                // Jackson refuses to serialise a bean without properties.
                new RpcMethod("Granary.Unencodable", Permission.READ,
                        (params, call) -> Future.succeededFuture(new Object())),
                new RpcMethod("Granary.Sign", Permission.SIGN, (params, call) -> Future.succeededFuture("signed")),
                new RpcMethod("Granary.Await", Permission.READ, (params, call) -> gate.future()),
                new RpcMethod("Granary.Release", Permission.READ, (params, call) -> {
                    gate.tryComplete("released");
                    return Future.succeededFuture("done");
                }));
    }
}
