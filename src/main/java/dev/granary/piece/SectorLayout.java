package dev.granary.piece;

import java.util.ArrayList;
import java.util.List;

/**
 * Where pieces go in a sector and the resulting CommD. Each piece must start at a padded offset that is a multiple
 * of its own padded size, so that it is exactly one subtree; the gap before it is filled with zero pieces, one per
 * set bit of the gap, smallest first (so each pad is itself aligned). The sector's tail is zeros. CommD is then
 * the root over the whole sector, computed from the pieces' commitments alone.
 */
public final class SectorLayout {
    /** A piece given by its commitment and padded size, as a deal names it. */
    public record Piece(Commitment commP, PaddedPieceSize size) {
    }

    /** A piece or a zero pad at its padded byte offset in the sector. */
    public record Placement(long offset, Piece piece, boolean pad) {
    }

    private final PaddedPieceSize sectorSize;
    private final List<Placement> placements;
    private final long used;

    private SectorLayout(PaddedPieceSize sectorSize, List<Placement> placements, long used) {
        this.sectorSize = sectorSize;
        this.placements = placements;
        this.used = used;
    }

    /** Lays the pieces out in the given order; throws {@link IllegalArgumentException} when they do not fit. */
    public static SectorLayout of(PaddedPieceSize sectorSize, List<Piece> pieces) {
        List<Placement> placements = new ArrayList<>();
        long offset = 0;
        for (Piece piece : pieces) {
            if (piece.size().compareTo(sectorSize) > 0) {
                throw new IllegalArgumentException("a piece of " + piece.size() + " padded bytes is larger than the " + sectorSize + "-byte sector");
            }
            for (PaddedPieceSize pad : requiredPadding(offset, piece.size())) {
                placements.add(new Placement(offset, new Piece(ZeroCommitments.forSize(pad), pad), true));
                offset += pad.bytes();
            }
            placements.add(new Placement(offset, piece, false));
            offset += piece.size().bytes();
            if (offset > sectorSize.bytes()) {
                throw new IllegalArgumentException("the pieces need " + offset + " padded bytes with alignment, more than the "
                        + sectorSize + "-byte sector");
            }
        }
        return new SectorLayout(sectorSize, List.copyOf(placements), offset);
    }

    /**
     * Zero pieces to insert after {@code usedBytes} (padded) so that a piece of {@code next} size starts aligned:
     * one per set bit of the gap, smallest first.
     */
    public static List<PaddedPieceSize> requiredPadding(long usedBytes, PaddedPieceSize next) {
        long gap = Math.floorMod(-usedBytes, next.bytes());
        List<PaddedPieceSize> pads = new ArrayList<>();
        for (long rest = gap; rest != 0; rest &= rest - 1) {
            pads.add(PaddedPieceSize.of(Long.lowestOneBit(rest)));
        }
        return pads;
    }

    public List<Placement> placements() {
        return placements;
    }

    /** Padded bytes taken by pieces and pads; the rest of the sector is zero tail. */
    public long usedBytes() {
        return used;
    }

    public PaddedPieceSize sectorSize() {
        return sectorSize;
    }

    /** The unsealed sector commitment over the whole sector (pads, pieces and zero tail). */
    public Commitment commD() {
        NodeStack stack = new NodeStack(new NodeHasher());
        byte[] node = new byte[Commitment.BYTES];
        for (Placement placement : placements) {
            placement.piece().commP().copyTo(node, 0);
            stack.push(node, 0, placement.piece().size().height());
        }
        return Commitment.of(stack.root(sectorSize.height()));
    }

    /** Shorthand for {@code of(sectorSize, pieces).commD()}. */
    public static Commitment commD(PaddedPieceSize sectorSize, List<Piece> pieces) {
        return of(sectorSize, pieces).commD();
    }
}
