package dev.granary.piece;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Fr32 as a stream, either way: {@link #padding} turns a payload into its padded form (the last quad zero-filled),
 * {@link #unpadding} turns padded bytes back into payload, cut at the payload's length. Works a buffer of quads at
 * a time with the bulk {@link Fr32} routines, so memory stays at one buffer whatever the stream's length.
 */
public final class Fr32InputStream extends InputStream {
    private static final int QUADS = 256;

    private final InputStream source;
    private final boolean pad;
    private final int inQuad;
    private final int outQuad;
    private final byte[] in;
    private final byte[] out;
    private long remaining;
    private int outPos;
    private int outLen;
    private boolean sourceDone;

    private Fr32InputStream(InputStream source, boolean pad, long limit) {
        this.source = Objects.requireNonNull(source);
        this.pad = pad;
        this.inQuad = pad ? Fr32.QUAD_PAYLOAD : Fr32.QUAD_PADDED;
        this.outQuad = pad ? Fr32.QUAD_PADDED : Fr32.QUAD_PAYLOAD;
        this.in = new byte[QUADS * inQuad];
        this.out = new byte[QUADS * outQuad];
        this.remaining = limit;
    }

    /** Padded form of the payload in {@code source}: 128 bytes per started 127. */
    public static Fr32InputStream padding(InputStream source) {
        return new Fr32InputStream(source, true, Long.MAX_VALUE);
    }

    /** The first {@code payloadBytes} payload bytes of the padded data in {@code source}. */
    public static Fr32InputStream unpadding(InputStream source, long payloadBytes) {
        return new Fr32InputStream(source, false, payloadBytes);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (outPos == outLen && !refill()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    private boolean refill() throws IOException {
        if (sourceDone || remaining == 0) {
            return false;
        }
        int filled = source.readNBytes(in, 0, in.length);
        if (filled < in.length) {
            sourceDone = true;
        }
        if (filled == 0) {
            return false;
        }
        int quads = (filled + inQuad - 1) / inQuad;
        Arrays.fill(in, filled, quads * inQuad, (byte) 0);
        if (pad) {
            Fr32.pad(in, 0, out, 0, quads);
        } else {
            Fr32.unpad(in, 0, out, 0, quads);
        }
        outPos = 0;
        outLen = (int) Math.min(quads * outQuad, remaining);
        remaining -= outLen;
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
