package dev.granary.filecoin;

/** Text or bytes that are not a valid Filecoin address; the message names the rule that was broken. */
public class AddressFormatException extends IllegalArgumentException {
    public AddressFormatException(String message) {
        super(message);
    }

    public AddressFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
