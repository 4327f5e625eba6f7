package dev.granary.filecoin;

/** Bytes that are not a well-formed signature (bad type byte, wrong length, unrecoverable point). */
public class SignatureFormatException extends IllegalArgumentException {
    public SignatureFormatException(String message) {
        super(message);
    }

    public SignatureFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
