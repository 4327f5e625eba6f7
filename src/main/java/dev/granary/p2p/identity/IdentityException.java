package dev.granary.p2p.identity;

/** A key, signature or peer ID that is malformed or unsupported; the message says which and why. */
public class IdentityException extends IllegalArgumentException {
    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
