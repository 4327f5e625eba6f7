package dev.granary.piece;

import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PieceCidsTest {
    private static final HexFormat HEX = HexFormat.of();

    /** FRC-0069 / go-fil-commcid: every row's payload hashed (or, for 32/64 GiB of zeros, taken from the table). */
    @Test
    void frc0069Pairs() {
        List<String[]> rows = Vectors.rows("frc0069.csv");
        assertEquals(9, rows.size());
        for (String[] row : rows) {
            PieceCommitment piece = pieceOf(row[0]);
            if (!row[1].equals("-")) {
                assertEquals(row[1], piece.cidV1().toString(), row[0]);
                assertEquals(row[2], PieceCids.v1ToV2(Cid.parse(row[1]), piece.size(), piece.payloadSize()).toString(), row[0]);
                assertEquals(row[1], PieceCids.v2ToV1(Cid.parse(row[2])).toString(), row[0]);
            }
            assertEquals(row[2], piece.cidV2().toString(), row[0]);
            assertEquals(row[3], HEX.formatHex(piece.cidV2().bytes()), row[0]);
            assertEquals(piece, PieceCids.fromV2(PieceCids.parse(row[2])), row[0] + " parsed back");
        }
    }

    /** go-fil-commcid TestTreeHeight: payload → (height, padding). */
    @Test
    void treeHeightAndPadding() {
        long gib32 = 32L << 30;
        long[][] cases = {
                {508, 4, 0}, {512, 5, 504}, {127, 2, 0},
                {gib32, 31, 33_822_867_456L}, {gib32 / 128 * 127, 30, 0},
                {2 * gib32, 32, 67_645_734_912L}, {2 * gib32 / 128 * 127, 31, 0},
        };
        for (long[] c : cases) {
            PaddedPieceSize size = PaddedPieceSize.forPayload(c[0]);
            assertEquals(c[1], size.height(), "height for " + c[0]);
            assertEquals(c[2], size.unpadded().bytes() - c[0], "padding for " + c[0]);
        }
    }

    /** data-segment multihash.spec.js: 65 zero bytes → 34-byte digest, padding 62, height 2, root Z[2]. */
    @Test
    void sixtyFiveZeroBytes() {
        Cid v2 = Commp.of(new byte[65]).cidV2();
        byte[] digest = v2.multihash().digest();
        assertEquals(34, digest.length);
        assertEquals(62, digest[0]);
        assertEquals(2, digest[1]);
        assertEquals(ZeroCommitments.atLevel(2), Commitment.of(digest, 2));
    }

    @Test
    void v1RoundTripsAndStartsWithTheKnownPrefix() {
        Commitment root = Commitment.ofHex("7b0927471513af679f864b36c4aa9f7091f7c7dff736c6cfbb3eea7878658907");
        Cid cid = PieceCids.v1(root);
        assertEquals("baga6ea4seaqhwcjhi4krhl3ht6dewnwevkpxbepxy7p7onwgz65t52typbsysby", cid.toString());
        assertEquals(root, PieceCids.fromV1(PieceCids.parse(cid.toString())));
        assertTrue(cid.toString().startsWith("baga6ea4seaq"));
    }

    @Test
    void wrongKindsAreRefusedWithReasons() {
        Cid v2 = Commp.of(new byte[200]).cidV2();
        Cid v1 = Commp.of(new byte[200]).cidV1();
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV1(v2));
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV2(v1));
        Cid sealed = Cid.parse("bagboea4b5abcbrshxgmmpaucffwp2elaofbcrvb7hmcu3653o4lsw2arlor4hn3c");
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV1(sealed));
        Cid shortDigest = Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, new byte[31]));
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV1(shortDigest));
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.parse("not-a-cid"));
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.parse("baga6ea4seaq"));
    }

    @Test
    void malformedV2DigestsAreRefused() {
        byte[] root = new byte[32];
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV2(v2Of(digest(0, 1, root))), "height 1");
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV2(v2Of(digest(128, 2, root))), "padding over capacity");
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV2(v2Of(digest(0, 2, new byte[31]))), "short root");
        assertThrows(InvalidPieceCidException.class, () -> PieceCids.fromV2(v2Of(new byte[]{(byte) 0x80})), "truncated varint");
        PieceCommitment lenient = PieceCids.fromV2(v2Of(digest(127, 2, root)));
        assertEquals(0, lenient.payloadSize(), "FRC's own 0-byte vector has padding 127 and must parse");
    }

    @Test
    void extendingMatchesHashingTheZeroTail() {
        byte[] payload = Vectors.repeat(0xCC, 300);
        PieceCommitment natural = Commp.of(payload);
        PieceCommitment extended = natural.extendTo(PaddedPieceSize.of(4096));
        byte[] filled = java.util.Arrays.copyOf(payload, 4064);
        assertEquals(Commp.of(filled).commP(), extended.commP());
        assertEquals(300, extended.payloadSize());
        assertEquals(extended, PieceCids.fromV2(extended.cidV2()));
        assertThrows(IllegalArgumentException.class, () -> extended.extendTo(PaddedPieceSize.of(2048)));
    }

    private static PieceCommitment pieceOf(String spec) {
        byte[] quads = new byte[508];
        for (int i = 0; i < 508; i++) {
            quads[i] = (byte) (i / 127);
        }
        if (spec.startsWith("quads")) {
            int zeros = spec.equals("quads") ? 0 : Integer.parseInt(spec.substring("quads+z".length()));
            return Commp.of(java.util.Arrays.copyOf(quads, 508 + zeros));
        }
        long zeros = Long.parseLong(spec.substring(1));
        if (zeros <= 1 << 20) {
            return Commp.of(new byte[(int) zeros]);
        }
        PaddedPieceSize size = PaddedPieceSize.forPayload(zeros);
        return new PieceCommitment(ZeroCommitments.forSize(size), size, zeros);
    }

    private static byte[] digest(long padding, int height, byte[] root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dev.granary.ipld.Varint.write(padding, out);
        out.write(height);
        out.writeBytes(root);
        return out.toByteArray();
    }

    private static Cid v2Of(byte[] digest) {
        return Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, digest));
    }
}
