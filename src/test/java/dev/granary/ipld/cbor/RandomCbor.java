package dev.granary.ipld.cbor;

import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random {@link CborValue}s biased towards the edges that matter: integers and lengths at header-size
 * boundaries, multi-byte UTF-8, CIDs of several shapes, nesting. Keys avoid "__proto__", which a JavaScript
 * object cannot hold as an own property.
 */
final class RandomCbor {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long[] BOUNDARIES = {
        0, 1, 23, 24, 255, 256, 65535, 65536, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE,
    };
    /** Text stays within cbor-gen's 8192-byte cap (a piece adds at most 4 bytes). */
    private static final int MAX_TEXT_TARGET = 8192 - 3;
    private static final String[] TEXT_PIECES = {"a", "Z", "0", " ", "é", "ß", "€", "中", "😀", "\u0000", "\n", "\"", "\\"};

    private final Random random;

    RandomCbor(long seed) {
        this.random = new Random(seed);
    }

    CborValue value(int depth) {
        int pick = random.nextInt(depth <= 0 ? 7 : 9);
        return switch (pick) {
            case 0 -> new CborValue.Int(integer());
            case 1 -> new CborValue.Bytes(bytes(length()));
            case 2 -> new CborValue.Text(text(Math.min(length(), MAX_TEXT_TARGET)));
            case 3 -> new CborValue.Link(cid());
            case 4 -> new CborValue.BigInt(bigInt());
            case 5 -> new CborValue.Bool(random.nextBoolean());
            case 6 -> new CborValue.Null();
            case 7 -> array(depth);
            default -> map(depth);
        };
    }

    BigInteger integer() {
        BigInteger magnitude = switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
            case 1 -> BigInteger.valueOf(BOUNDARIES[random.nextInt(BOUNDARIES.length)]).subtract(BigInteger.ONE).abs();
            case 2 -> new BigInteger(64, random);
            default -> BigInteger.valueOf(random.nextInt(1000));
        };
        if (magnitude.compareTo(TWO_64) >= 0) {
            magnitude = TWO_64.subtract(BigInteger.ONE);
        }
        // Negative values reach -2^64: major type 1 holds n for -1-n.
        return random.nextBoolean() ? magnitude : magnitude.negate().subtract(BigInteger.ONE);
    }

    BigInteger bigInt() {
        return switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(random.nextInt(3) - 1);
            case 1 -> TWO_64.multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            default -> new BigInteger(1 + random.nextInt(8 * 100), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
        };
    }

    Cid cid() {
        byte[] digest = bytes(32);
        return switch (random.nextInt(4)) {
            case 0 -> Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, digest));
            case 1 -> Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, digest));
            case 2 -> Cid.v0(Multihash.of(Multicodec.SHA2_256, digest));
            default -> Cid.v1(Multicodec.RAW, Multihash.identity(bytes(random.nextInt(40))));
        };
    }

    byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** At least {@code minimumBytes} of UTF-8, at most 3 more. */
    String text(int minimumBytes) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        while (bytes < minimumBytes) {
            String piece = random.nextInt(3) == 0 ? TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]
                    : String.valueOf((char) ('a' + random.nextInt(26)));
            out.append(piece);
            bytes += piece.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return out.toString();
    }

    /** Mostly short, sometimes right at a header boundary. */
    private int length() {
        return switch (random.nextInt(10)) {
            case 0 -> 23 + random.nextInt(2);
            case 1 -> 255 + random.nextInt(2);
            case 2 -> random.nextInt(50) == 0 ? 65535 + random.nextInt(2) : 0;
            default -> random.nextInt(12);
        };
    }

    private CborValue array(int depth) {
        int size = random.nextInt(20) == 0 ? 23 + random.nextInt(3) : random.nextInt(5);
        List<CborValue> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(value(depth - 1));
        }
        return new CborValue.Array(items);
    }

    private CborValue map(int depth) {
        int size = random.nextInt(20) == 0 ? 24 : random.nextInt(5);
        Map<String, CborValue> entries = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(3) == 0 ? text(random.nextInt(6)) : String.valueOf((char) ('a' + random.nextInt(26))).repeat(1 + random.nextInt(3));
            entries.put(key, value(depth - 1));
        }
        return new CborValue.MapValue(entries);
    }
}
