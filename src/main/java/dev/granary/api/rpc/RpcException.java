package dev.granary.api.rpc;

/**
 * A JSON-RPC error with a chosen code. Handlers throw it, or fail their future with it, to report
 * a client-visible error; the message and data are sent as-is, so they must not hold secrets.
 */
public final class RpcException extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Lotus' code for a caller whose token lacks the method's permission. */
    public static final int PERMISSION_DENIED = -32001;

    private final int code;
    private final transient Object data;

    public RpcException(int code, String message) {
        this(code, message, null);
    }

    /** @param data optional extra detail for the client; must be JSON-encodable */
    public RpcException(int code, String message, Object data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    /** Shorthand for the common "your arguments are wrong" case. */
    public static RpcException invalidParams(String message) {
        return new RpcException(INVALID_PARAMS, message);
    }

    public int code() {
        return code;
    }

    /** Extra detail for the client, or null for none. */
    public Object data() {
        return data;
    }
}
