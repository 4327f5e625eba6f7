package dev.granary.p2p.multiaddr;

/** Text or bytes that are not a multiaddr we support; the message names the offending part. */
public class MultiaddrException extends IllegalArgumentException {
    public MultiaddrException(String message) {
        super(message);
    }

    public MultiaddrException(String message, Throwable cause) {
        super(message, cause);
    }
}
