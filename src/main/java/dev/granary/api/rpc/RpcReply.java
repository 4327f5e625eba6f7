package dev.granary.api.rpc;

import io.vertx.core.json.JsonObject;

/**
 * The answer to one request entry.
 *
 * @param message      the JSON-RPC response object, or null for a notification
 * @param singleStatus HTTP status to use if this entry was the whole (non-batch) request
 */
record RpcReply(JsonObject message, int singleStatus) {

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;

    static RpcReply silent() {
        return new RpcReply(null, RpcResponse.NO_CONTENT);
    }

    static RpcReply result(Object id, Object value) {
        // put() keeps null values, so a null result is still written as "result":null as the spec requires.
        return new RpcReply(envelope(id).put("result", value), OK);
    }

    static RpcReply error(Object id, int code, String message, Object data, int singleStatus) {
        JsonObject error = new JsonObject().put("code", code).put("message", message);
        if (data != null) {
            error.put("data", data);
        }
        return new RpcReply(envelope(id).put("error", error), singleStatus);
    }

    private static JsonObject envelope(Object id) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id);
    }
}
