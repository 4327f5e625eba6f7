package dev.granary.piece;

import dev.granary.ipld.Cid;

/**
 * What CommP yields for a payload: the root, the padded piece size it is a root of, and the payload length
 * (which only the v2 piece CID carries, as the zero padding that follows it).
 */
public record PieceCommitment(Commitment commP, PaddedPieceSize size, long payloadSize) {
    public PieceCommitment {
        if (payloadSize < 0 || payloadSize > size.unpadded().bytes()) {
            throw new IllegalArgumentException("payload of " + payloadSize + " bytes does not fit a piece of " + size + " padded bytes");
        }
    }

    /** {@code baga…}: the root alone; keep the padded size next to it. */
    public Cid cidV1() {
        return PieceCids.v1(commP);
    }

    /** {@code bafkzcib…} (FRC-0069): root, tree height and padding in one CID. */
    public Cid cidV2() {
        return PieceCids.v2(this);
    }

    /** Zero bytes this piece holds after its payload. */
    public long padding() {
        return size.unpadded().bytes() - payloadSize;
    }

    /** The same payload described as a larger piece (see {@link PadCommP}). */
    public PieceCommitment extendTo(PaddedPieceSize larger) {
        return new PieceCommitment(PadCommP.extend(commP, size, larger), larger, payloadSize);
    }
}
