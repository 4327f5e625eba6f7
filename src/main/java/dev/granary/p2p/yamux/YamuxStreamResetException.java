package dev.granary.p2p.yamux;

/**
 * A stream was aborted with RST. go-yamux v5 puts an error code in the length of a WindowUpdate|RST (e.g. go-libp2p's
 * 0x1001 "protocol negotiation failed"); it is kept so that logs can explain why the peer gave up.
 */
public final class YamuxStreamResetException extends YamuxException {
    private final long errorCode;

    public YamuxStreamResetException(int streamId, long errorCode, boolean byPeer) {
        super("yamux stream " + Integer.toUnsignedString(streamId) + " reset " + (byPeer ? "by peer" : "locally")
                + (errorCode != 0 ? " (error code 0x" + Long.toHexString(errorCode) + ")" : ""));
        this.errorCode = errorCode;
    }

    public long errorCode() {
        return errorCode;
    }
}
