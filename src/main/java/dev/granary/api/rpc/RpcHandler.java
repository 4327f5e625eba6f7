package dev.granary.api.rpc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/**
 * Implementation of one JSON-RPC method. The future's value becomes the response's {@code result}:
 * JsonObject, JsonArray, String, Number, Boolean, null, or anything Jackson can serialise.
 * Fail (or throw) with {@link RpcException} to choose the error code; any other failure is reported
 * as an internal error carrying only the exception message.
 */
@FunctionalInterface
public interface RpcHandler {

    /**
     * @param params positional parameters, empty when the request had none
     * @param call   who is calling what, for handlers that log or vary by permission
     */
    Future<?> handle(JsonArray params, RpcCall call);
}
