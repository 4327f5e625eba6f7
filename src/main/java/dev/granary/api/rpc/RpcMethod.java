package dev.granary.api.rpc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A method the dispatcher can serve.
 *
 * @param name       lotus-style {@code Namespace.Method}, e.g. {@code Granary.Version}
 * @param permission the least permission a caller needs
 * @param handler    the implementation
 */
public record RpcMethod(String name, Permission permission, RpcHandler handler) {

    // Enforced so a typo such as a trailing blank fails at startup instead of as a mysterious -32601.
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*\\.[A-Za-z][A-Za-z0-9]*");

    public RpcMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(handler, "handler");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("method name '" + name + "' is not of the form Namespace.Method");
        }
    }
}
