package dev.granary.ipld;

import java.io.ByteArrayOutputStream;

/**
 * Unsigned LEB128 varints as multiformats use them: at most 9 bytes (63 bits), minimal encoding only, so
 * one value has exactly one byte form.
 */
public final class Varint {
    public static final int MAX_BYTES = 9;

    private Varint() {
    }

    public static byte[] encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint value must not be negative: " + value);
        }
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    public static int size(long value) {
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    /** Writes {@code value} at {@code offset}; returns the offset after it. */
    public static int write(long value, byte[] out, int offset) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out[offset++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out[offset++] = (byte) rest;
        return offset;
    }

    public static void write(long value, ByteArrayOutputStream out) {
        byte[] bytes = encode(value);
        out.write(bytes, 0, bytes.length);
    }

    /** A decoded value and how many bytes it took. */
    public record Decoded(long value, int length) {
    }

    public static Decoded decode(byte[] in, int offset) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= in.length) {
                throw new IpldFormatException("varint: truncated at byte " + (offset + i));
            }
            int b = in[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new IpldFormatException("varint: not minimally encoded at byte " + offset);
                }
                if (value < 0) {
                    throw new IpldFormatException("varint: over 63 bits at byte " + offset);
                }
                return new Decoded(value, i + 1);
            }
        }
        throw new IpldFormatException("varint: longer than " + MAX_BYTES + " bytes at byte " + offset);
    }
}
