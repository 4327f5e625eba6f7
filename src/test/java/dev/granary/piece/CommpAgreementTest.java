package dev.granary.piece;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The streaming and parallel calculators, fed in any split, agree with each other and (for small payloads) with
 * the plain definition in {@link ReferenceCommp}.
 */
class CommpAgreementTest {
    private static final int BLOCK = SubtreeHasher.BLOCK_PAYLOAD;
    private static final int SMALL_CHUNK = Fr32.QUAD_PAYLOAD << (ParallelCommp.MIN_CHUNK_LEVEL + 1 - 2);

    @Test
    void tinyPayloadsMatchTheDefinition() {
        Random random = new Random(7);
        try (ParallelCommp parallel = new ParallelCommp(2, ParallelCommp.MIN_CHUNK_LEVEL)) {
            for (int n = 0; n <= 300; n++) {
                byte[] payload = new byte[n];
                random.nextBytes(payload);
                byte[] expected = ReferenceCommp.commP(payload);
                assertArrayEquals(expected, Commp.of(payload).commP().bytes(), n + " bytes, streaming");
                parallel.update(payload);
                PieceCommitment piece = parallel.digest();
                assertArrayEquals(expected, piece.commP().bytes(), n + " bytes, parallel");
                assertEquals(n, piece.payloadSize());
            }
        }
    }

    @Test
    void boundarySizesMatchTheDefinition() {
        Random random = new Random(11);
        for (int base : new int[]{127 * 2, 127 * 64, BLOCK, 2 * BLOCK, 127 * 1024}) {
            for (int n = base - 1; n <= base + 1; n++) {
                byte[] payload = new byte[n];
                random.nextBytes(payload);
                assertArrayEquals(ReferenceCommp.commP(payload), Commp.of(payload).commP().bytes(), n + " bytes");
            }
        }
    }

    @Property(tries = 40)
    void parallelAgreesWithStreaming(@ForAll("sizes") int size, @ForAll @IntRange(min = 1, max = 3) int threads,
                                     @ForAll @IntRange(min = 10, max = 12) int chunkLevel, @ForAll long seed) {
        byte[] payload = new byte[size];
        Random random = new Random(seed);
        random.nextBytes(payload);
        PieceCommitment expected = Commp.of(payload);

        try (ParallelCommp parallel = new ParallelCommp(threads, chunkLevel)) {
            feedInRandomSplits(parallel, payload, random);
            assertEquals(expected, parallel.digest(), "copying updates");
            parallel.update(payload, 0, Math.min(size, 100));
            parallel.updateRetained(ByteBuffer.wrap(payload, Math.min(size, 100), size - Math.min(size, 100)));
            assertEquals(expected, parallel.digest(), "retained buffer after a partial chunk");
            parallel.update(ByteBuffer.allocateDirect(size).put(payload).flip());
            assertEquals(expected, parallel.digest(), "direct buffer");
        }
        StreamingCommp streaming = new StreamingCommp();
        feedInRandomSplits(streaming, payload, random);
        assertEquals(expected, streaming.digest(), "streaming in random splits");
        streaming.update(ByteBuffer.allocateDirect(size).put(payload).flip());
        assertEquals(expected, streaming.digest(), "streaming from a direct buffer");
    }

    @Test
    void filesAndStreamsGiveTheSameAnswer() throws IOException {
        Path file = Files.createTempFile("commp", ".bin");
        try {
            byte[] payload = new byte[3 * SMALL_CHUNK + 12345];
            new Random(3).nextBytes(payload);
            Files.write(file, payload);
            PieceCommitment expected = Commp.of(payload);
            assertEquals(expected, Commp.ofFile(file, 1));
            assertEquals(expected, Commp.ofFile(file, 2));
            assertEquals(expected, Commp.of(new ByteArrayInputStream(payload), 2));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void chunkLevelsGiveEveryThreadWork() {
        assertEquals(ParallelCommp.MIN_CHUNK_LEVEL, Commp.chunkLevelFor(1000, 2));
        assertEquals(ParallelCommp.DEFAULT_CHUNK_LEVEL, Commp.chunkLevelFor(1L << 40, 2));
        int level = Commp.chunkLevelFor(64L << 20, 2);
        long chunk = (long) Fr32.QUAD_PAYLOAD << (level - 2);
        assertEquals(true, (64L << 20) / chunk >= 8, "at least 4 chunks per thread");
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 6 * SMALL_CHUNK),
                Arbitraries.of(BLOCK - 1, BLOCK, BLOCK + 1, SMALL_CHUNK - 1, SMALL_CHUNK, SMALL_CHUNK + 1,
                        2 * SMALL_CHUNK, 4 * SMALL_CHUNK - 1, 4 * SMALL_CHUNK + 127, 8 * BLOCK + 1));
    }

    private static void feedInRandomSplits(CommpCalculator calculator, byte[] payload, Random random) {
        int at = 0;
        while (at < payload.length) {
            int n = Math.min(payload.length - at, random.nextInt(3) == 0 ? random.nextInt(200) : random.nextInt(3 * BLOCK));
            calculator.update(payload, at, n);
            at += n;
        }
        assertEquals(payload.length, calculator.payloadSize());
    }

}
