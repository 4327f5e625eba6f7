package dev.granary.api.rpc;

/**
 * A presented API token is not acceptable. Checked so that the HTTP layer cannot forget to turn it
 * into a 401; the message is safe to show to the client and never contains secret material.
 */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message);
    }
}
