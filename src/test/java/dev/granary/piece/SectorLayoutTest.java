package dev.granary.piece;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectorLayoutTest {
    private static final PaddedPieceSize SECTOR_2K = PaddedPieceSize.of(2048);

    /** go-commp-utils commd_test.go: mainnet sector f01392893:139074, ten deal pieces in a 32 GiB sector. */
    @Test
    void mainnetSector() {
        List<SectorLayout.Piece> pieces = Vectors.rows("commd-mainnet-f01392893-139074.csv").stream()
                .map(row -> new SectorLayout.Piece(PieceCids.fromV1(PieceCids.parse(row[1])), PaddedPieceSize.of(SizeText.parse(row[0]))))
                .toList();
        assertEquals(10, pieces.size());
        assertEquals("baga6ea4seaqiw3gbmstmexb7sqwkc5r23o3i7zcyx5kr76pfobpykes3af62kca",
                PieceCids.v1(SectorLayout.commD(PaddedPieceSize.of(32L << 30), pieces)).toString());
        assertEquals("8b6cc164a6c25c3f942ca1763adbb68fe458bf551ff9e5705f85125b017da508",
                SectorLayout.commD(PaddedPieceSize.of(32L << 30), pieces).hex());
        // [DERIVED] the aggregate of the pieces alone, before padding to the sector
        assertEquals("baga6ea4seaqez5c7zwfn6rqlhmsjeukdlrhs5ubvh2qlevfjwv3dljnaynifqoi",
                PieceCids.v1(SectorLayout.commD(PaddedPieceSize.of(8L << 30), pieces)).toString());
        // the explicit 8 GiB and 16 GiB zero pieces of the Go test change nothing
        List<SectorLayout.Piece> withZeros = new ArrayList<>(pieces);
        withZeros.add(zeroPiece(8L << 30));
        withZeros.add(zeroPiece(16L << 30));
        assertEquals(SectorLayout.commD(PaddedPieceSize.of(32L << 30), pieces), SectorLayout.commD(PaddedPieceSize.of(32L << 30), withZeros));
    }

    @Test
    void padsBeforeTheSecondMainnetPieceAreSmallestFirst() {
        assertEquals(List.of(PaddedPieceSize.of(256L << 20), PaddedPieceSize.of(512L << 20)),
                SectorLayout.requiredPadding(256L << 20, PaddedPieceSize.of(1L << 30)));
        assertEquals(List.of(), SectorLayout.requiredPadding(1L << 30, PaddedPieceSize.of(512L << 20)));
    }

    /** lotus chain/proofs proofs_test.go layouts (CommDs [DERIVED]); each also equals CommP of the laid-out sector. */
    @Test
    void twoKibSectors() {
        assertSector("baga6ea4seaqgjbonxb76ykpvts63n4jbyrv7tqxpsju74njrrpyeml26gi5uakq",
                payload(1, 508, "baga6ea4seaqekntfxsi5g7pl45fyjcir6w67qmeptedeaxq5yi56j3tpbohtuca"),
                payload(2, 1016, "baga6ea4seaqjbfg5a6k57pwvkqx23rsywytldq5ot376kiojwfcgjvntt5apwlq"));
        assertSector("baga6ea4seaqaxxufgxz4fdetxbdxz4l3azucqkzf7uyxvkgtfmpo7xznfqzkeja",
                payload(1, 254, "baga6ea4seaqidebrqf3upeocqkuxpx53fnpfm2h6pqjz6wlqua3hrs4fch7q6ly"),
                payload(2, 508, "baga6ea4seaqc5n4uk5fdrzvlnomgtpzp737mgyxtsxig2fxa7mw3ra735ekeydq"));
        assertSector("baga6ea4seaqkqxk5lydedbxl6r6ln4fljandtmmlffzoseohdnong5vzwsk6qna",
                payload(1, 127, null), payload(2, 254, null), payload(3, 127, null), payload(4, 508, null), payload(5, 127, null));
    }

    /** rust test_compute_comm_d_empty: an empty sector is the zero piece of its size. */
    @Test
    void emptySector() {
        assertEquals("fc7e928296e516faade986b28f92d44a4f24b935485223376a799027bc18f833", SectorLayout.commD(SECTOR_2K, List.of()).hex());
    }

    @Test
    void piecesThatDoNotFitAreRefused() {
        SectorLayout.Piece kib1 = zeroPiece(1024);
        SectorLayout.Piece b128 = zeroPiece(128);
        assertThrows(IllegalArgumentException.class, () -> SectorLayout.of(SECTOR_2K, List.of(zeroPiece(4096))));
        assertThrows(IllegalArgumentException.class, () -> SectorLayout.of(SECTOR_2K, List.of(b128, kib1, kib1)),
                "alignment pushes the second 1 KiB piece past the end");
        SectorLayout layout = SectorLayout.of(SECTOR_2K, List.of(b128, kib1));
        assertEquals(2048, layout.usedBytes());
        assertEquals(List.of(0L, 128L, 256L, 512L, 1024L), layout.placements().stream().map(SectorLayout.Placement::offset).toList());
        assertTrue(layout.placements().get(1).pad());
    }

    /** rust filecoin-proofs tests/pieces.rs: (written, piece) → (left, right), unpadded bytes. */
    @Test
    void payloadAlignment() {
        long[][] cases = {{0, 0, 0, 127}, {0, 127, 0, 0}, {0, 254, 0, 0}, {0, 508, 0, 0}, {0, 1016, 0, 0},
                {127, 127, 0, 0}, {127, 254, 127, 0}, {127, 508, 381, 0}, {100, 100, 27, 27}, {200, 200, 54, 54},
                {300, 300, 208, 208}};
        for (long[] c : cases) {
            assertEquals(new PieceAlignment(c[2], c[3]), PieceAlignment.of(c[0], c[1]), c[0] + "," + c[1]);
        }
        long written = 0;
        List<Long> starts = new ArrayList<>();
        for (long piece : new long[]{31, 32, 33}) {
            PieceAlignment a = PieceAlignment.of(written, piece);
            starts.add(written + a.left());
            written += a.left() + piece + a.right();
        }
        assertEquals(List.of(0L, 127L, 254L), starts);
    }

    private record Payload(byte[] bytes, PieceCommitment piece) {
    }

    private static Payload payload(int value, int length, String expectedCid) {
        byte[] bytes = Vectors.repeat(value, length);
        PieceCommitment piece = Commp.of(bytes);
        if (expectedCid != null) {
            assertEquals(expectedCid, piece.cidV1().toString(), length + " × " + value);
        }
        return new Payload(bytes, piece);
    }

    private static void assertSector(String expectedCommD, Payload... payloads) {
        List<SectorLayout.Piece> pieces = new ArrayList<>();
        for (Payload p : payloads) {
            pieces.add(new SectorLayout.Piece(p.piece().commP(), p.piece().size()));
        }
        SectorLayout layout = SectorLayout.of(SECTOR_2K, pieces);
        assertEquals(expectedCommD, PieceCids.v1(layout.commD()).toString());

        byte[] sector = new byte[(int) SECTOR_2K.unpadded().bytes()];
        int next = 0;
        for (SectorLayout.Placement placement : layout.placements()) {
            if (!placement.pad()) {
                byte[] bytes = payloads[next++].bytes();
                System.arraycopy(bytes, 0, sector, (int) (placement.offset() / 128 * 127), bytes.length);
            }
        }
        assertEquals(layout.commD(), Commp.of(sector).commP(), "CommD equals CommP of the laid-out sector");
    }

    private static SectorLayout.Piece zeroPiece(long bytes) {
        PaddedPieceSize size = PaddedPieceSize.of(bytes);
        return new SectorLayout.Piece(ZeroCommitments.forSize(size), size);
    }
}
