package dev.granary.api;

import dev.granary.api.rpc.RpcException;
import io.vertx.core.json.JsonObject;

/** JSON-RPC error bodies the HTTP layer writes itself, before a request reaches the dispatcher. */
final class RpcErrors {
    static final int INVALID_REQUEST = RpcException.INVALID_REQUEST;
    static final int INTERNAL = RpcException.INTERNAL_ERROR;
    static final int UNAUTHORIZED = RpcException.PERMISSION_DENIED;

    private RpcErrors() {
    }

    static JsonObject body(int code, String message) {
        return new JsonObject()
                .put("jsonrpc", "2.0")
                .putNull("id")
                .put("error", new JsonObject().put("code", code).put("message", message));
    }
}
