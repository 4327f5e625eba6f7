package dev.granary.api.rpc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Serialises replies into the HTTP answer, isolating results that cannot be encoded as JSON. */
final class RpcResponseWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RpcResponseWriter.class);

    private RpcResponseWriter() {
    }

    static RpcResponse single(RpcReply reply) {
        if (reply.message() == null) {
            return new RpcResponse(RpcResponse.NO_CONTENT, null);
        }
        return new RpcResponse(reply.singleStatus(), encode(reply.message()));
    }

    /** Batch replies are always HTTP 200, whatever the individual entries say. */
    static RpcResponse batch(List<RpcReply> replies) {
        Buffer body = Buffer.buffer().appendString("[");
        boolean first = true;
        for (RpcReply reply : replies) {
            if (reply.message() == null) {
                continue;
            }
            if (!first) {
                body.appendString(",");
            }
            body.appendBuffer(encode(reply.message()));
            first = false;
        }
        if (first) {
            return new RpcResponse(RpcResponse.NO_CONTENT, null);
        }
        return new RpcResponse(RpcReply.OK, body.appendString("]"));
    }

    /**
     * Encodes one response object. A handler may return something Jackson cannot serialise; that must
     * cost only its own entry, not the whole batch, so it is replaced by an internal error.
     */
    private static Buffer encode(JsonObject message) {
        try {
            return message.toBuffer();
        } catch (RuntimeException e) {
            Object id = message.getValue("id");
            LOG.warn("RPC response for id {} could not be encoded as JSON", id, e);
            return RpcReply.error(id, RpcException.INTERNAL_ERROR,
                    "internal error: response could not be encoded as JSON", null, RpcReply.OK).message().toBuffer();
        }
    }
}
