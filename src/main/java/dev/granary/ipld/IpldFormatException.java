package dev.granary.ipld;

/** Bytes or text that are not a valid encoding of the named type; the message says what and where. */
public class IpldFormatException extends IllegalArgumentException {
    public IpldFormatException(String message) {
        super(message);
    }

    public IpldFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
