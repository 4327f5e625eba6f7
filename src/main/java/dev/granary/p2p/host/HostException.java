package dev.granary.p2p.host;

/** A connection or stream could not be set up or was refused; the message says why. */
public class HostException extends RuntimeException {
    public HostException(String message) {
        super(message);
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
