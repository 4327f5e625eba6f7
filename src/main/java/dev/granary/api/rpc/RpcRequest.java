package dev.granary.api.rpc;

/** One entry of a request body after structural validation, before method lookup. */
sealed interface RpcRequest {

    /**
     * A well-formed call.
     *
     * @param id           String, Number or null
     * @param notification true when the request had no {@code id} member, so no reply is owed
     * @param params       a JsonArray, or the JsonObject the client sent as named params (rejected later,
     *                     after the permission check, so unauthorised callers learn nothing about params)
     */
    record Call(String method, Object id, boolean notification, Object params) implements RpcRequest {
    }

    /** Something that must be answered with an error without running anything. */
    record Rejected(Object id, int code, String message) implements RpcRequest {
    }
}
