package dev.granary.piece;

import dev.granary.interop.NodeScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our piece CIDs against @web3-storage/data-segment's, on random files of many sizes (interop/piece-commp.mjs). */
class CommpInteropTest {
    @TempDir
    Path dir;

    @Test
    void randomFilesMatchDataSegment() throws Exception {
        NodeScript.assumeAvailable();
        Random random = new Random(20260621);
        List<Integer> sizes = new ArrayList<>(List.of(0, 1, 64, 65, 126, 127, 128, 4 << 20));
        for (int k = 0; k <= 14; k++) {
            sizes.add((127 << k) - 1);
            sizes.add((127 << k) + 1);
        }
        for (int i = 0; i < 30; i++) {
            sizes.add(random.nextInt(i < 24 ? 70_000 : 3 << 20));
        }
        sizes.addAll(dataSegmentStreamSizes());

        List<String> args = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            byte[] payload = i >= sizes.size() - dataSegmentStreamSizes().size() ? DataSegmentStream.prefix(size) : randomBytes(random, size);
            Path file = dir.resolve("payload-" + i + ".bin");
            Files.write(file, payload);
            args.add(file.toString());
            PieceCommitment piece = Commp.ofFile(file, 1 + i % 2);
            expected.add(piece.cidV1() + " " + piece.size() + " " + payload.length + " " + piece.cidV2());
        }
        List<String> actual = NodeScript.run("piece-commp.mjs", new byte[0], args).lines().toList();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "payload of " + sizes.get(i) + " bytes");
        }
    }

    @Test
    void stdinPayload() throws Exception {
        NodeScript.assumeAvailable();
        byte[] payload = Vectors.repeat(0xCC, 1017);
        PieceCommitment piece = Commp.of(payload);
        assertEquals(piece.cidV1() + " 2048 1017 " + piece.cidV2(), NodeScript.run("piece-commp.mjs", payload, List.of()).strip());
    }

    /** Sizes around those in data-segment's own vector.csv: boundaries of quads, blocks and pieces. */
    private static List<Integer> dataSegmentStreamSizes() {
        return List.of(65, 97, 253, 255, 489, 1015, 1017, 2033, 4065, 48890, 196608, 1048576, 4161537);
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
