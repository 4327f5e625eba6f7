package dev.granary.chain.actor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A second RLE+ decoder for the tests, written straight from the grammar in ref-fvm's rleplus docs over a
 * string of '0'/'1' characters with BigInteger arithmetic: slow and obvious, so that where it and
 * {@link BitField#decode} disagree, the fast one is the suspect. Returns the set as [start, end) pairs, or null
 * where the actors' decoder (plus BitField's range rule) refuses the bytes.
 */
final class ReferenceRle {
    private static final BigInteger LIMIT = BigInteger.valueOf(BitField.MAX_VALUE).add(BigInteger.ONE);

    private ReferenceRle() {
    }

    static List<long[]> decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[bytes.length - 1] == 0) {
            return null;
        }
        StringBuilder stream = new StringBuilder();
        for (byte b : bytes) {
            for (int i = 0; i < 8; i++) {
                stream.append((b >> i & 1) == 1 ? '1' : '0');
            }
        }
        int end = stream.lastIndexOf("1") + 1;
        stream.append("0".repeat(100)); // reads past the end see zeros
        String bits = stream.toString();
        if (!bits.startsWith("00")) {
            return null;
        }
        boolean set = bits.charAt(2) == '1';
        int at = 3;
        BigInteger position = BigInteger.ZERO;
        List<long[]> ranges = new ArrayList<>();
        while (at < end) {
            BigInteger length;
            if (bits.charAt(at) == '1') {
                length = BigInteger.ONE;
                at += 1;
            } else if (bits.charAt(at + 1) == '1') {
                length = BigInteger.valueOf(number(bits, at + 2, 4));
                at += 6;
                if (length.intValue() < 2) {
                    return null;
                }
            } else {
                at += 2;
                length = BigInteger.ZERO;
                int i = 0;
                while (true) {
                    if (i == 10) {
                        return null;
                    }
                    long b = number(bits, at, 8);
                    at += 8;
                    length = length.or(BigInteger.valueOf(b & 0x7F).shiftLeft(7 * i));
                    if (b < 0x80) {
                        if ((i == 9 && b > 1) || (b == 0 && i > 0)) {
                            return null;
                        }
                        break;
                    }
                    i++;
                }
                if (length.compareTo(BigInteger.valueOf(16)) < 0) {
                    return null;
                }
            }
            BigInteger next = position.add(length);
            if (next.compareTo(LIMIT) > 0) {
                return null;
            }
            if (set) {
                ranges.add(new long[] {position.longValueExact(), next.longValueExact()});
            }
            position = next;
            set = !set;
        }
        return set ? null : ranges;
    }

    private static long number(String bits, int from, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            if (bits.charAt(from + i) == '1') {
                value |= 1L << i;
            }
        }
        return value;
    }

    static BitField toBitField(List<long[]> ranges) {
        BitField out = BitField.EMPTY;
        for (long[] range : ranges) {
            out = out.union(BitField.range(range[0], range[1]));
        }
        return out;
    }
}
