package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/** A JSON-RPC 2.0 response as go-jsonrpc writes it: {@code {"jsonrpc","id","result"}} or {@code {...,"error"}}. */
public sealed interface RpcReply {
    /** go-jsonrpc error texts are Go error chains; anything longer than this is no message for a person. */
    int MAX_ERROR_CHARS = 64 * 1024;

    record Result(JsonValue value) implements RpcReply {
    }

    record Failure(RpcError error) implements RpcReply {
    }

    /**
     * Reads the response to request {@code id} of {@code method}. A result must answer that id; an error may carry a
     * null id (go-jsonrpc's answer to a request it could not parse).
     */
    static RpcReply decode(String method, long id, Buffer body) {
        JsonValue response = JsonValue.at(method, "response", parse(method, body));
        JsonValue error = response.field("error");
        JsonValue answered = response.field("id");
        if (!error.isNull()) {
            if (!answered.isNull()) {
                requireId(answered, id);
            }
            long code = error.field("code").int64();
            String message = error.field("message").text(MAX_ERROR_CHARS);
            return new Failure(new RpcError(code, message));
        }
        requireId(answered, id);
        if (!response.has("result")) {
            throw response.fail("has neither a result nor an error");
        }
        return new Result(JsonValue.result(method, response.field("result").raw()));
    }

    /** Parses one whole message; anything that is not JSON is a protocol error naming the method. */
    static Object parse(String method, Buffer body) {
        try {
            return Json.decodeValue(body);
        } catch (RuntimeException e) {
            throw new ChainException(ChainException.Kind.PROTOCOL,
                    method + ": the chain node's answer is not JSON (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static void requireId(JsonValue answered, long id) {
        long got = answered.int64();
        if (got != id) {
            throw answered.fail("answers request " + got + ", not " + id);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
