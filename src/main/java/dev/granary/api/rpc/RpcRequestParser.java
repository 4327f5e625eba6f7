package dev.granary.api.rpc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Turns a request body into validated JSON-RPC 2.0 entries; never throws on client input. */
final class RpcRequestParser {

    /**
     * @param batch   whether the body was a JSON array, which decides the reply's shape and HTTP status
     * @param entries never empty; a body that fails as a whole is one Rejected entry
     */
    record ParsedBody(boolean batch, List<RpcRequest> entries) {
    }

    private final int maxBatch;

    RpcRequestParser(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    ParsedBody parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return whole(RpcException.PARSE_ERROR, "parse error: request body is empty");
        }
        Object json;
        try {
            json = Json.decodeValue(body);
        } catch (DecodeException e) {
            // Jackson's message quotes the input back; keep the reply short and free of echoed content.
            return whole(RpcException.PARSE_ERROR, "parse error: request body is not valid JSON");
        }
        if (!(json instanceof JsonArray array)) {
            return new ParsedBody(false, List.of(parseEntry(json)));
        }
        if (array.isEmpty()) {
            return whole(RpcException.INVALID_REQUEST, "invalid request: batch is empty");
        }
        if (array.size() > maxBatch) {
            return whole(RpcException.INVALID_REQUEST,
                    "invalid request: batch has " + array.size() + " entries, the limit is " + maxBatch);
        }
        List<RpcRequest> entries = new ArrayList<>(array.size());
        for (Object element : array) {
            entries.add(parseEntry(element));
        }
        return new ParsedBody(true, entries);
    }

    private static ParsedBody whole(int code, String message) {
        return new ParsedBody(false, List.of(new RpcRequest.Rejected(null, code, message)));
    }

    private static RpcRequest parseEntry(Object json) {
        if (!(json instanceof JsonObject request)) {
            return invalid(null, "request must be a JSON object");
        }
        Object id = request.getValue("id");
        if (!isValidId(id)) {
            return invalid(null, "\"id\" must be a string, number or null");
        }
        if (!"2.0".equals(request.getValue("jsonrpc"))) {
            return invalid(id, "\"jsonrpc\" must be \"2.0\"");
        }
        if (!(request.getValue("method") instanceof String method)) {
            return invalid(id, "\"method\" must be a string");
        }
        Object params = request.containsKey("params") ? request.getValue("params") : new JsonArray();
        if (!(params instanceof JsonArray) && !(params instanceof JsonObject)) {
            return invalid(id, "\"params\" must be an array or object");
        }
        return new RpcRequest.Call(method, id, !request.containsKey("id"), params);
    }

    private static boolean isValidId(Object id) {
        return id == null || id instanceof String || id instanceof Number;
    }

    private static RpcRequest invalid(Object id, String reason) {
        return new RpcRequest.Rejected(id, RpcException.INVALID_REQUEST, "invalid request: " + reason);
    }
}
