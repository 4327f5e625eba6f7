package dev.granary.node;

import dev.granary.api.ApiAuth;
import dev.granary.api.rpc.InvalidTokenException;
import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcCall;
import dev.granary.api.rpc.RpcException;
import dev.granary.api.rpc.RpcMethod;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The node-level JSON-RPC methods: version, shutdown and lotus-style token minting. */
final class NodeRpcMethods {
    private static final int INVALID_PARAMS = -32602;

    private final Vertx vertx;
    private final ApiAuth auth;

    NodeRpcMethods(Vertx vertx, ApiAuth auth) {
        this.vertx = vertx;
        this.auth = auth;
    }

    List<RpcMethod> all() {
        return List.of(
                new RpcMethod("Granary.Version", Permission.READ, this::version),
                new RpcMethod("Granary.Shutdown", Permission.ADMIN, this::shutdown),
                new RpcMethod("Granary.AuthNew", Permission.ADMIN, this::authNew),
                new RpcMethod("Granary.AuthVerify", Permission.READ, this::authVerify));
    }

    private Future<JsonObject> version(JsonArray params, RpcCall call) {
        return Future.succeededFuture(new JsonObject()
                .put("Version", "granary/" + BuildInfo.version())
                .put("APIVersion", BuildInfo.API_VERSION));
    }

    /** Replies first; the HTTP server's graceful stop lets this reply finish before the node goes down. */
    private Future<Void> shutdown(JsonArray params, RpcCall call) {
        vertx.eventBus().send(NodeMessage.CONTROL, new NodeMessage.ShutdownRequested("Granary.Shutdown over JSON-RPC"),
                MessageCodecs.LOCAL);
        return Future.succeededFuture();
    }

    /** params: [perm] where perm is read, write, sign or admin; returns the token string. */
    private Future<String> authNew(JsonArray params, RpcCall call) {
        try {
            return Future.succeededFuture(auth.createToken(Permission.parse(stringParam(params, "permission"))));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new RpcException(INVALID_PARAMS, e.getMessage()));
        }
    }

    /** params: [token]; returns the permissions the token grants, as lotus' AuthVerify does. */
    private Future<List<String>> authVerify(JsonArray params, RpcCall call) {
        try {
            return Future.succeededFuture(auth.permissionFor("Bearer " + stringParam(params, "token")).allowList());
        } catch (InvalidTokenException e) {
            return Future.failedFuture(new RpcException(INVALID_PARAMS, e.getMessage()));
        }
    }

    private static String stringParam(JsonArray params, String name) {
        if (params == null || params.size() != 1 || !(params.getValue(0) instanceof String value)) {
            throw new RpcException(INVALID_PARAMS, "expected one string parameter: " + name);
        }
        return value;
    }
}
