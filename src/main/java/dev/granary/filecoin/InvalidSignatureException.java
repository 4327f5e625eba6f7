package dev.granary.filecoin;

/** A signature that does not prove the claimed signer signed the message; the message says why. */
public class InvalidSignatureException extends Exception {
    public InvalidSignatureException(String message) {
        super(message);
    }

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
