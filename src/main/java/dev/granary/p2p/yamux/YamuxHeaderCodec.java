package dev.granary.p2p.yamux;

import io.vertx.core.buffer.Buffer;

/** The 12-byte big-endian yamux header: version, type, flags, stream id, length. */
public final class YamuxHeaderCodec {
    public static final int HEADER_LENGTH = 12;
    static final int VERSION = 0;

    private YamuxHeaderCodec() {
    }

    /** Header and body in one buffer, so a frame is always handed to the transport whole and never interleaves. */
    public static Buffer encode(YamuxFrame frame) {
        Buffer out = Buffer.buffer(HEADER_LENGTH + frame.body().length());
        out.appendByte((byte) VERSION)
                .appendByte((byte) frame.type().code())
                .appendShort((short) frame.flags())
                .appendInt(frame.streamId())
                .appendInt((int) frame.length());
        return out.appendBuffer(frame.body());
    }

    /** Writes the 12 header bytes of {@code frame} into {@code out} at {@code offset}. */
    public static void writeHeader(YamuxFrame frame, byte[] out, int offset) {
        out[offset] = (byte) VERSION;
        out[offset + 1] = (byte) frame.type().code();
        out[offset + 2] = (byte) (frame.flags() >>> 8);
        out[offset + 3] = (byte) frame.flags();
        putInt(out, offset + 4, frame.streamId());
        putInt(out, offset + 8, (int) frame.length());
    }

    private static void putInt(byte[] out, int offset, int value) {
        out[offset] = (byte) (value >>> 24);
        out[offset + 1] = (byte) (value >>> 16);
        out[offset + 2] = (byte) (value >>> 8);
        out[offset + 3] = (byte) value;
    }

    /**
     * Reads and validates the header at {@code offset}; the returned frame has no body yet.
     * Validation follows what go and js treat as fatal: unknown version or type, and the session stream 0 used by
     * anything but Ping/GoAway (or Ping/GoAway on a real stream).
     */
    public static YamuxFrame decodeHeader(Buffer in, int offset) {
        int version = in.getUnsignedByte(offset);
        if (version != VERSION) {
            throw new YamuxProtocolException("unsupported yamux version " + version);
        }
        int typeCode = in.getUnsignedByte(offset + 1);
        YamuxFrameType type = YamuxFrameType.fromCode(typeCode);
        if (type == null) {
            throw new YamuxProtocolException("unknown yamux frame type " + typeCode);
        }
        int flags = in.getUnsignedShort(offset + 2);
        int streamId = in.getInt(offset + 4);
        long length = in.getUnsignedInt(offset + 8);
        boolean sessionType = type == YamuxFrameType.PING || type == YamuxFrameType.GO_AWAY;
        if (sessionType && streamId != 0) {
            throw new YamuxProtocolException(type + " on stream " + Integer.toUnsignedString(streamId));
        }
        if (!sessionType && streamId == 0) {
            throw new YamuxProtocolException(type + " on session stream 0");
        }
        return new YamuxFrame(type, flags, streamId, length, null);
    }
}
