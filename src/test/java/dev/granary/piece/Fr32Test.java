package dev.granary.piece;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Fr32Test {
    private static final HexFormat HEX = HexFormat.of();

    /** rust fr32/src/reader.rs: 127 × 0xff → 31 × ff then 3f in every element (spec §1.3). */
    @Test
    void allOnesQuadClearsTheTopTwoBitsOfEveryElement() {
        byte[] out = pad(Vectors.repeat(0xff, 127));
        String element = "ff".repeat(31) + "3f";
        assertEquals(element.repeat(4), HEX.formatHex(out));
    }

    /** rust reader.rs: 32 × 0xff (a short input, zero-filled) → out[31] = 3f, out[32] = 03. */
    @Test
    void shortInputIsZeroFilledToAQuad() {
        byte[] out = pad(Arrays.copyOf(Vectors.repeat(0xff, 32), 127));
        assertEquals(0x3f, out[31] & 0xFF);
        assertEquals(0x03, out[32] & 0xFF);
        for (int i = 33; i < 128; i++) {
            assertEquals(0, out[i], "byte " + i);
        }
    }

    /** rust reader.rs: 30 × 0x03 → the first 30 bytes unchanged. */
    @Test
    void lowBytesPassThrough() {
        byte[] out = pad(Arrays.copyOf(Vectors.repeat(0x03, 30), 127));
        assertArrayEquals(Vectors.repeat(0x03, 30), Arrays.copyOf(out, 30));
    }

    /** [DERIVED] spec §1.3: bytes 00..7e. */
    @Test
    void countingQuad() {
        byte[] in = new byte[127];
        for (int i = 0; i < 127; i++) {
            in[i] = (byte) i;
        }
        assertEquals("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                + "8084888c9094989ca0a4a8acb0b4b8bcc0c4c8ccd0d4d8dce0e4e8ecf0f4f83c"
                + "03142434445464748494a4b4c4d4e4f404152535455565758595a5b5c5d5e535"
                + "175898d8185999d9195a9ada1a5b9bdb1b5c9cdc1c5d9ddd1d5e9ede1e5f9f1f", HEX.formatHex(pad(in)));
    }

    @Property(tries = 200)
    void matchesTheSpecByteFormulasAndUnpadsBack(@ForAll("quads") byte[] payload) {
        int quads = payload.length / 127;
        byte[] out = new byte[quads * 128];
        Fr32.pad(payload, 0, out, 0, quads);
        for (int q = 0; q < quads; q++) {
            assertArrayEquals(ReferenceCommp.fr32(Arrays.copyOfRange(payload, q * 127, q * 127 + 127)),
                    Arrays.copyOfRange(out, q * 128, q * 128 + 128), "quad " + q);
        }
        byte[] back = new byte[payload.length];
        Fr32.unpad(out, 0, back, 0, quads);
        assertArrayEquals(payload, back);
    }

    @Property(tries = 100)
    void padsAndUnpadsInPlace(@ForAll @IntRange(min = 1, max = 40) int quads, @ForAll long seed) {
        byte[] payload = new byte[quads * 127];
        new Random(seed).nextBytes(payload);
        byte[] expected = new byte[quads * 128];
        Fr32.pad(payload, 0, expected, 0, quads);

        byte[] buffer = Arrays.copyOf(payload, quads * 128 + 3);
        Fr32.pad(buffer, 0, buffer, 0, quads);
        assertArrayEquals(expected, Arrays.copyOf(buffer, quads * 128));
        Fr32.unpad(buffer, 0, buffer, 0, quads);
        assertArrayEquals(payload, Arrays.copyOf(buffer, quads * 127));
    }

    @Property(tries = 50)
    void streamsPadAndUnpadAnyLength(@ForAll @IntRange(min = 0, max = 100_000) int length, @ForAll long seed) throws Exception {
        byte[] payload = new byte[length];
        new Random(seed).nextBytes(payload);
        int quads = (length + 126) / 127;
        byte[] expected = new byte[quads * 128];
        Fr32.pad(Arrays.copyOf(payload, quads * 127), 0, expected, 0, quads);

        byte[] padded = Fr32InputStream.padding(new java.io.ByteArrayInputStream(payload)).readAllBytes();
        assertArrayEquals(expected, padded);
        byte[] back = Fr32InputStream.unpadding(new java.io.ByteArrayInputStream(padded), length).readAllBytes();
        assertArrayEquals(payload, back);
    }

    @Test
    void unpadIgnoresTheSpareBits() {
        byte[] padded = Vectors.repeat(0xff, 128);
        byte[] out = new byte[127];
        Fr32.unpad(padded, 0, out, 0, 1);
        assertArrayEquals(Vectors.repeat(0xff, 127), out);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<byte[]> quads() {
        return net.jqwik.api.Arbitraries.integers().between(1, 20)
                .flatMap(q -> net.jqwik.api.Arbitraries.bytes().array(byte[].class).ofSize(q * 127));
    }

    private static byte[] pad(byte[] quad) {
        byte[] out = new byte[128];
        Fr32.pad(quad, 0, out, 0, 1);
        return out;
    }
}
