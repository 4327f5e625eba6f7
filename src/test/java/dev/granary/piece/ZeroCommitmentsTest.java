package dev.granary.piece;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZeroCommitmentsTest {
    @Test
    void tableMatchesThePublishedRoots() {
        List<String[]> rows = Vectors.rows("zero-commitments.csv");
        assertEquals(33, rows.size());
        for (String[] row : rows) {
            int level = Integer.parseInt(row[0]);
            assertEquals(row[1], ZeroCommitments.atLevel(level).hex(), "level " + level);
        }
    }

    @Test
    void levelsUpToTheMaximumChainCorrectly() {
        NodeHasher hasher = new NodeHasher();
        for (int level = 1; level <= ZeroCommitments.MAX_LEVEL; level++) {
            Commitment below = ZeroCommitments.atLevel(level - 1);
            assertEquals(hasher.hash(below, below), ZeroCommitments.atLevel(level), "level " + level);
        }
        assertThrows(IllegalArgumentException.class, () -> ZeroCommitments.atLevel(ZeroCommitments.MAX_LEVEL + 1));
        assertThrows(IllegalArgumentException.class, () -> ZeroCommitments.atLevel(-1));
    }

    /** spec §4.1: all-zero pieces, hashed for real up to 8 MiB and from the table beyond. */
    @Test
    void zeroPieceCids() {
        List<String[]> rows = Vectors.rows("zero-pieces.csv");
        assertEquals(10, rows.size());
        for (String[] row : rows) {
            PaddedPieceSize size = PaddedPieceSize.of(SizeText.parse(row[0]));
            assertEquals(row[1], PieceCids.v1(ZeroCommitments.forSize(size)).toString(), row[0]);
            if (size.bytes() <= 8 << 20) {
                PieceCommitment hashed = Commp.of(new byte[(int) size.unpadded().bytes()]);
                assertEquals(row[1], hashed.cidV1().toString(), row[0] + " hashed");
                assertEquals(size, hashed.size());
            }
        }
    }

    /** hashhash zero.txt has payloads 96..1024 bytes: short zero payloads land in the same pieces. */
    @Test
    void shortZeroPayloadsShareThePieceOfTheirSize() {
        assertEquals(ZeroCommitments.atLevel(2), Commp.of(new byte[96]).commP());
        assertEquals(ZeroCommitments.atLevel(5), Commp.of(new byte[1024 - 127]).commP());
        assertEquals(ZeroCommitments.atLevel(6), Commp.of(new byte[1024]).commP());
    }
}
