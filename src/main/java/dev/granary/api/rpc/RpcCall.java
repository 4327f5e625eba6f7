package dev.granary.api.rpc;

/**
 * Context handed to a handler for one invocation.
 *
 * @param method  the method name as requested
 * @param id      the request id (String, Number or null); null also for notifications
 * @param granted the caller's permission, already checked to cover the method's requirement
 */
public record RpcCall(String method, Object id, Permission granted) {
}
