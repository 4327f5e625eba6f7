package dev.granary.p2p.yamux;

/**
 * The peer broke the yamux protocol in a way that poisons the whole connection (bad header, window overrun, frame on
 * the wrong stream). The session answers it with GoAway(protocol error) and closes.
 */
public final class YamuxProtocolException extends YamuxException {
    public YamuxProtocolException(String message) {
        super(message);
    }
}
