package dev.granary.chain.actor;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The RLE+ bit-level format (filecoin specs "RLE+ Bitset Encoding"): bits are taken least significant first;
 * a 2-bit version (0), one bit saying whether the vector starts with a set run, then run lengths of
 * alternating value, each as {@code 1} (a run of 1), {@code 01}+4 bits (2..15) or {@code 00}+unsigned varint
 * (16 and more). The vector ends after its last set run; trailing zero bytes are trimmed.
 *
 * <p>The decoder accepts exactly what the built-in actors' decoder (ref-fvm ipld/bitfield rleplus) accepts,
 * which is the minimal encoding only: no trailing zero byte, no run in a longer block than it needs, no
 * zero-length run, no trailing unset run, varints minimal and within 64 bits, total length without overflow.
 * go-bitfield (lotus) checks the version, the trailing byte, the varints and the overflow too but lets
 * non-minimal blocks through and stops at a zero-length run; messages relying on that fail in the actors, so
 * we refuse them. On top, the vector may not reach past {@link BitField#MAX_VALUE} (values are Java longs;
 * the actors cap sector numbers at 2^63-1 anyway).
 */
final class RlePlus {
    private static final int SHORT_BLOCK_MAX = 15;
    private static final int VARINT_MAX_BYTES = 10;

    private RlePlus() {
    }

    /** {@code bounds}: sorted, non-touching [start, end) pairs, as {@link BitField} holds them. */
    static byte[] encode(long[] bounds) {
        BitWriter out = new BitWriter();
        out.write(0, 2);
        if (bounds.length == 0) {
            return out.finish();
        }
        out.write(bounds[0] == 0 ? 1 : 0, 1);
        long position = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > position) {
                writeLength(out, bounds[i] - position);
            }
            writeLength(out, bounds[i + 1] - bounds[i]);
            position = bounds[i + 1];
        }
        return out.finish();
    }

    private static void writeLength(BitWriter out, long length) {
        if (length == 1) {
            out.write(1, 1);
        } else if (length <= SHORT_BLOCK_MAX) {
            out.write(0b10, 2);
            out.write((int) length, 4);
        } else {
            out.write(0, 2);
            long rest = length;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) (rest & 0x7F) | 0x80, 8);
                rest >>>= 7;
            }
            out.write((int) rest, 8);
        }
    }

    static long[] decode(byte[] bytes, int maxEncodedBytes, int maxRuns) {
        if (bytes.length > maxEncodedBytes) {
            throw new BitFieldFormatException("encoded bitfield of " + bytes.length + " bytes over the "
                    + maxEncodedBytes + "-byte limit");
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] == 0) {
            throw new BitFieldFormatException("not minimally encoded: the last byte is zero");
        }
        BitReader in = new BitReader(bytes);
        int version = in.read(2);
        if (version != 0) {
            throw new BitFieldFormatException("unsupported RLE+ version " + version);
        }
        boolean set = in.read(1) == 1;
        LongArray bounds = new LongArray();
        long position = 0;
        int runs = 0;
        while (in.hasMore()) {
            long runStart = in.position();
            long length = readLength(in);
            if (++runs > maxRuns) {
                throw new BitFieldFormatException("more than " + maxRuns + " runs");
            }
            if (Long.compareUnsigned(length, BitField.MAX_VALUE + 1 - position) > 0) {
                throw new BitFieldFormatException("the run at bit " + runStart + " takes the bit vector past "
                        + (BitField.MAX_VALUE + 1) + " bits");
            }
            if (set) {
                bounds.add(position);
                bounds.add(position + length);
            }
            position += length;
            set = !set;
        }
        if (set) { // the next run would be a set one: the last was unset (or there was none after a set header)
            throw new BitFieldFormatException("not minimally encoded: ends with a run of unset bits");
        }
        return bounds.toArray();
    }

    private static long readLength(BitReader in) {
        long at = in.position();
        if (in.read(1) == 1) {
            return 1;
        }
        if (in.read(1) == 1) {
            int length = in.read(4);
            if (length < 2) {
                throw new BitFieldFormatException("not minimally encoded: a run of " + length
                        + " in a short block at bit " + at);
            }
            return length;
        }
        long length = readVarint(in, at);
        if (Long.compareUnsigned(length, SHORT_BLOCK_MAX) <= 0) {
            throw new BitFieldFormatException("not minimally encoded: a run of " + length
                    + " in a long block at bit " + at);
        }
        return length;
    }

    private static long readVarint(BitReader in, long at) {
        long value = 0;
        for (int i = 0; i < VARINT_MAX_BYTES; i++) {
            int b = in.read(8);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (i == VARINT_MAX_BYTES - 1 && b > 1) {
                    throw new BitFieldFormatException("varint in the long block at bit " + at + " overflows 64 bits");
                }
                if (b == 0 && i != 0) {
                    throw new BitFieldFormatException("varint in the long block at bit " + at + " is not minimal");
                }
                return value;
            }
        }
        throw new BitFieldFormatException("varint in the long block at bit " + at + " is longer than "
                + VARINT_MAX_BYTES + " bytes");
    }

    /** Reads bits least significant first; past the end of the input every bit is 0, as in both reference decoders. */
    private static final class BitReader {
        private final byte[] bytes;
        /** One past the last set bit: nothing from here on can start a run. */
        private final long end;
        private long position;

        BitReader(byte[] bytes) {
            this.bytes = bytes;
            this.end = bytes.length == 0 ? 0
                    : 8L * (bytes.length - 1) + 32 - Integer.numberOfLeadingZeros(bytes[bytes.length - 1] & 0xFF);
        }

        long position() {
            return position;
        }

        boolean hasMore() {
            return position < end;
        }

        /** Up to 8 bits, from the two bytes they can span. */
        int read(int count) {
            long index = position >>> 3;
            int shift = (int) (position & 7);
            int low = index < bytes.length ? bytes[(int) index] & 0xFF : 0;
            int high = index + 1 < bytes.length ? bytes[(int) index + 1] & 0xFF : 0;
            position += count;
            return ((low | high << 8) >>> shift) & ((1 << count) - 1);
        }
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int pending;
        private int pendingBits;

        void write(int value, int count) {
            pending |= value << pendingBits;
            pendingBits += count;
            while (pendingBits >= 8) {
                out.write(pending & 0xFF);
                pending >>>= 8;
                pendingBits -= 8;
            }
        }

        byte[] finish() {
            if (pendingBits > 0) {
                out.write(pending & 0xFF);
            }
            byte[] bytes = out.toByteArray();
            int length = bytes.length;
            while (length > 0 && bytes[length - 1] == 0) {
                length--;
            }
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }

    static final class LongArray {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long last() {
            return values[size - 1];
        }

        void setLast(long value) {
            values[size - 1] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
