package dev.granary.api.rpc;

import io.vertx.core.buffer.Buffer;

/**
 * What the HTTP layer should send back.
 *
 * @param httpStatus status code to answer with
 * @param body       JSON body, or null when every request was a notification and nothing is owed
 *                   (the status is then 204)
 */
public record RpcResponse(int httpStatus, Buffer body) {

    public static final int NO_CONTENT = 204;

    public boolean hasBody() {
        return body != null;
    }
}
