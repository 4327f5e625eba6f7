package dev.granary.piece;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fr32 padding: every 127 payload bytes (1016 bits, read little-endian) become four 254-bit field elements,
 * each stored as 32 little-endian bytes whose top two bits are zero. Works on whole quads (127 ↔ 128 bytes);
 * callers zero-fill a short tail first, which is what every implementation does.
 *
 * <p>Both directions read a whole quad into registers before writing, so they also work in place within one
 * array: {@link #pad} walks from the last quad backwards (the output grows), {@link #unpad} walks forwards.
 */
public final class Fr32 {
    public static final int QUAD_PAYLOAD = 127;
    public static final int QUAD_PADDED = 128;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_62 = 0x3FFF_FFFF_FFFF_FFFFL;

    private Fr32() {
    }

    /** Expands {@code quads}·127 bytes at {@code in[inOff]} into {@code quads}·128 bytes at {@code out[outOff]}. */
    public static void pad(byte[] in, int inOff, byte[] out, int outOff, int quads) {
        checkRange(in, inOff, (long) quads * QUAD_PAYLOAD);
        checkRange(out, outOff, (long) quads * QUAD_PADDED);
        for (int q = quads - 1; q >= 0; q--) {
            padQuad(in, inOff + q * QUAD_PAYLOAD, out, outOff + q * QUAD_PADDED);
        }
    }

    /** Inverse of {@link #pad}: drops the two spare bits of every element, {@code quads}·128 → {@code quads}·127 bytes. */
    public static void unpad(byte[] in, int inOff, byte[] out, int outOff, int quads) {
        checkRange(in, inOff, (long) quads * QUAD_PADDED);
        checkRange(out, outOff, (long) quads * QUAD_PAYLOAD);
        for (int q = 0; q < quads; q++) {
            unpadQuad(in, inOff + q * QUAD_PADDED, out, outOff + q * QUAD_PAYLOAD);
        }
    }

    /** The 1016 input bits as 16 little-endian words; element i starts at bit 254·i, i.e. word 4i−1 bit 64−2i. */
    private static void padQuad(byte[] in, int i, byte[] out, int o) {
        long w0 = get(in, i), w1 = get(in, i + 8), w2 = get(in, i + 16), w3 = get(in, i + 24);
        long w4 = get(in, i + 32), w5 = get(in, i + 40), w6 = get(in, i + 48), w7 = get(in, i + 56);
        long w8 = get(in, i + 64), w9 = get(in, i + 72), w10 = get(in, i + 80), w11 = get(in, i + 88);
        long w12 = get(in, i + 96), w13 = get(in, i + 104), w14 = get(in, i + 112);
        long w15 = get(in, i + 119) >>> 8; // bytes 120..126; reading at 120 would run past the quad
        set(out, o, w0);
        set(out, o + 8, w1);
        set(out, o + 16, w2);
        set(out, o + 24, w3 & LOW_62);
        set(out, o + 32, (w3 >>> 62) | (w4 << 2));
        set(out, o + 40, (w4 >>> 62) | (w5 << 2));
        set(out, o + 48, (w5 >>> 62) | (w6 << 2));
        set(out, o + 56, ((w6 >>> 62) | (w7 << 2)) & LOW_62);
        set(out, o + 64, (w7 >>> 60) | (w8 << 4));
        set(out, o + 72, (w8 >>> 60) | (w9 << 4));
        set(out, o + 80, (w9 >>> 60) | (w10 << 4));
        set(out, o + 88, ((w10 >>> 60) | (w11 << 4)) & LOW_62);
        set(out, o + 96, (w11 >>> 58) | (w12 << 6));
        set(out, o + 104, (w12 >>> 58) | (w13 << 6));
        set(out, o + 112, (w13 >>> 58) | (w14 << 6));
        set(out, o + 120, ((w14 >>> 58) | (w15 << 6)) & LOW_62);
    }

    private static void unpadQuad(byte[] in, int i, byte[] out, int o) {
        long e0 = get(in, i), e1 = get(in, i + 8), e2 = get(in, i + 16), e3 = get(in, i + 24) & LOW_62;
        long e4 = get(in, i + 32), e5 = get(in, i + 40), e6 = get(in, i + 48), e7 = get(in, i + 56) & LOW_62;
        long e8 = get(in, i + 64), e9 = get(in, i + 72), e10 = get(in, i + 80), e11 = get(in, i + 88) & LOW_62;
        long e12 = get(in, i + 96), e13 = get(in, i + 104), e14 = get(in, i + 112), e15 = get(in, i + 120) & LOW_62;
        set(out, o, e0);
        set(out, o + 8, e1);
        set(out, o + 16, e2);
        set(out, o + 24, e3 | (e4 << 62));
        set(out, o + 32, (e4 >>> 2) | (e5 << 62));
        set(out, o + 40, (e5 >>> 2) | (e6 << 62));
        set(out, o + 48, (e6 >>> 2) | (e7 << 62));
        set(out, o + 56, (e7 >>> 2) | (e8 << 60));
        set(out, o + 64, (e8 >>> 4) | (e9 << 60));
        set(out, o + 72, (e9 >>> 4) | (e10 << 60));
        set(out, o + 80, (e10 >>> 4) | (e11 << 60));
        set(out, o + 88, (e11 >>> 4) | (e12 << 58));
        set(out, o + 96, (e12 >>> 6) | (e13 << 58));
        set(out, o + 104, (e13 >>> 6) | (e14 << 58));
        long w14 = (e14 >>> 6) | (e15 << 58);
        set(out, o + 112, w14);
        // bytes 120..126 written as one word starting at 119 (which repeats w14's top byte) to stay inside the quad
        set(out, o + 119, ((e15 >>> 6) << 8) | (w14 >>> 56));
    }

    private static long get(byte[] b, int off) {
        return (long) LONG_LE.get(b, off);
    }

    private static void set(byte[] b, int off, long value) {
        LONG_LE.set(b, off, value);
    }

    private static void checkRange(byte[] b, int off, long len) {
        if (off < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside an array of " + b.length);
        }
    }
}
