package dev.granary.piece;

/** A CID that is not a well-formed piece CID of the kind asked for; the message says what is wrong. */
public final class InvalidPieceCidException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPieceCidException(String message) {
        super(message);
    }

    public InvalidPieceCidException(String message, Throwable cause) {
        super(message, cause);
    }
}
