package dev.granary.ipld.cbor;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Damages valid encodings the ways that reach deep into a decoder: header bytes, lengths, truncation, splices. */
final class Mutations {
    /** Header bytes that switch widths, open indefinite items, break, tag or stop short. */
    private static final int[] INTERESTING = {
        0x00, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x20, 0x38, 0x40, 0x58, 0x5a, 0x5b, 0x5f, 0x60, 0x78, 0x7a, 0x7f,
        0x80, 0x98, 0x9a, 0x9b, 0x9f, 0xa0, 0xb8, 0xba, 0xbb, 0xbf, 0xc2, 0xd8, 0x2a, 0xf4, 0xf6, 0xf7, 0xfb, 0xff,
    };

    private Mutations() {
    }

    static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            bytes = once(bytes, random);
        }
        return bytes;
    }

    private static byte[] once(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {(byte) INTERESTING[random.nextInt(INTERESTING.length)]};
        }
        byte[] out = in.clone();
        int at = random.nextInt(in.length);
        switch (random.nextInt(7)) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
            case 2 -> out[at] = (byte) random.nextInt(256);
            case 3 -> {
                return java.util.Arrays.copyOf(in, at);
            }
            case 4 -> {
                ByteArrayOutputStream grown = new ByteArrayOutputStream();
                grown.write(in, 0, at);
                grown.write(INTERESTING[random.nextInt(INTERESTING.length)]);
                grown.write(in, at, in.length - at);
                return grown.toByteArray();
            }
            case 5 -> {
                ByteArrayOutputStream shrunk = new ByteArrayOutputStream();
                shrunk.write(in, 0, at);
                shrunk.write(in, at + 1, in.length - at - 1);
                return shrunk.toByteArray();
            }
            default -> {
                int length = Math.min(1 + random.nextInt(8), in.length - at);
                ByteArrayOutputStream spliced = new ByteArrayOutputStream();
                int target = random.nextInt(in.length);
                spliced.write(in, 0, target);
                spliced.write(in, at, length);
                spliced.write(in, target, in.length - target);
                return spliced.toByteArray();
            }
        }
        return out;
    }
}
