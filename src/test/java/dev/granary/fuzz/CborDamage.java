package dev.granary.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Breaks valid encodings in the ways that get past a decoder's first checks: header bytes swapped for other
 * widths and major types, lengths and counts nudged by one, cuts, insertions, and slices of the message
 * copied elsewhere in it (which duplicates keys and nests items where they do not belong).
 */
public final class CborDamage {
    /** Headers of every width and kind: 1/2/4/8-byte arguments, indefinite lengths, breaks, tags, simple values. */
    private static final int[] HEADERS = {
        0x00, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1f, 0x20, 0x37, 0x38, 0x3b, 0x40, 0x41, 0x50, 0x58, 0x59, 0x5b, 0x5f,
        0x60, 0x61, 0x78, 0x79, 0x7f, 0x80, 0x81, 0x8b, 0x98, 0x9f, 0xa0, 0xa1, 0xa7, 0xb8, 0xbf, 0xc0, 0xc2, 0xd8, 0x2a,
        0xd9, 0xe0, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xff,
    };

    private CborDamage() {
    }

    /** One to three of the damages below applied to {@code valid}. */
    public static byte[] apply(byte[] valid, Random random) {
        byte[] bytes = valid;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            bytes = once(bytes, random);
        }
        return bytes;
    }

    private static byte[] once(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {(byte) HEADERS[random.nextInt(HEADERS.length)]};
        }
        int at = random.nextInt(in.length);
        byte[] out = in.clone();
        switch (random.nextInt(8)) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[at] = (byte) HEADERS[random.nextInt(HEADERS.length)];
            case 2 -> out[at] += (byte) (random.nextBoolean() ? 1 : -1);
            case 3 -> out[at] = (byte) random.nextInt(256);
            case 4 -> {
                return Arrays.copyOf(in, at);
            }
            case 5 -> {
                return splice(in, at, new byte[] {(byte) HEADERS[random.nextInt(HEADERS.length)]}, 0);
            }
            case 6 -> {
                return splice(in, at, new byte[0], 1 + random.nextInt(Math.min(4, in.length - at)));
            }
            default -> {
                int from = random.nextInt(in.length);
                byte[] slice = Arrays.copyOfRange(in, from, Math.min(in.length, from + 1 + random.nextInt(24)));
                return splice(in, at, slice, 0);
            }
        }
        return out;
    }

    /** {@code in} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] splice(byte[] in, int at, byte[] inserted, int removed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + inserted.length);
        out.write(in, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(in, at + removed, in.length - at - removed);
        return out.toByteArray();
    }
}
