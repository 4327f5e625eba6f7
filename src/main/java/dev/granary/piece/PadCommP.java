package dev.granary.piece;

/**
 * Extends a piece commitment to a larger padded size, as if zero bytes followed the piece: each step up pairs the
 * root with the zero subtree of its own size. Deals may name a larger piece size than the data's natural one; the
 * commitment to compare with the deal is this extension.
 */
public final class PadCommP {
    private PadCommP() {
    }

    public static Commitment extend(Commitment commP, PaddedPieceSize from, PaddedPieceSize to) {
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("cannot shrink a piece commitment from " + from + " to " + to + " bytes");
        }
        NodeHasher hasher = new NodeHasher();
        byte[] node = commP.bytes();
        for (int level = from.height(); level < to.height(); level++) {
            hasher.hash(node, 0, ZeroCommitments.raw(level), 0, node, 0);
        }
        return Commitment.of(node);
    }
}
