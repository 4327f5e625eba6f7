package dev.granary.p2p.yamux;

import io.vertx.core.buffer.Buffer;

/**
 * One yamux frame. {@code length} is the header's u32 length field, whose meaning depends on the type (payload size,
 * window delta or RST error code, ping opaque value, GoAway code), so it is kept as an unsigned value in a long.
 * {@code body} is only non-empty for Data frames.
 */
public record YamuxFrame(YamuxFrameType type, int flags, int streamId, long length, Buffer body) {
    public static final int SYN = 0x1;
    public static final int ACK = 0x2;
    public static final int FIN = 0x4;
    public static final int RST = 0x8;

    public static final long GO_AWAY_NORMAL = 0;
    public static final long GO_AWAY_PROTOCOL_ERROR = 1;
    public static final long GO_AWAY_INTERNAL_ERROR = 2;

    private static final Buffer EMPTY = Buffer.buffer(0);

    public YamuxFrame {
        if (length < 0 || length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("length does not fit in u32: " + length);
        }
        if (body == null) {
            body = EMPTY;
        }
    }

    public static YamuxFrame data(int streamId, int flags, Buffer payload) {
        return new YamuxFrame(YamuxFrameType.DATA, flags, streamId, payload.length(), payload);
    }

    public static YamuxFrame windowUpdate(int streamId, int flags, long delta) {
        return new YamuxFrame(YamuxFrameType.WINDOW_UPDATE, flags, streamId, delta, null);
    }

    public static YamuxFrame ping(int flags, long opaque) {
        return new YamuxFrame(YamuxFrameType.PING, flags, 0, opaque, null);
    }

    public static YamuxFrame goAway(long code) {
        return new YamuxFrame(YamuxFrameType.GO_AWAY, 0, 0, code, null);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    YamuxFrame withBody(Buffer payload) {
        return new YamuxFrame(type, flags, streamId, length, payload);
    }

    @Override
    public String toString() {
        return type + "(stream=" + Integer.toUnsignedString(streamId) + ", flags=0x" + Integer.toHexString(flags)
                + ", length=" + length + ")";
    }
}
