package dev.granary.p2p.yamux;

/** Base of every failure the yamux layer reports, so callers can tell muxer trouble from application errors. */
public class YamuxException extends RuntimeException {
    public YamuxException(String message) {
        super(message);
    }
}
