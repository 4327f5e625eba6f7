package dev.granary.p2p.yamux;

/** The four yamux frame types, by their wire code. */
public enum YamuxFrameType {
    DATA, WINDOW_UPDATE, PING, GO_AWAY;

    public int code() {
        return ordinal();
    }

    /** @return the type for a wire code, or null when the peer sent a code this version does not know */
    static YamuxFrameType fromCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    private static final YamuxFrameType[] VALUES = values();
}
