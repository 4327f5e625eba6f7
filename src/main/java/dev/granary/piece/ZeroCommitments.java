package dev.granary.piece;

/**
 * Roots of all-zero subtrees: level 0 is a zero leaf, level i hashes two level-(i−1) roots. Since Fr32 of zeros is
 * zeros, level h is also the CommP of an all-zero piece of {@code 32 << h} padded bytes. Computed once, at class
 * load (a few dozen hashes), and used wherever a right sibling lies wholly in a zero tail.
 */
public final class ZeroCommitments {
    /** Highest level kept: a tree of 2^62 bytes, the largest {@link PaddedPieceSize}. */
    public static final int MAX_LEVEL = 57;

    private static final byte[][] ROOTS = compute();

    private ZeroCommitments() {
    }

    public static Commitment atLevel(int level) {
        return Commitment.of(raw(level));
    }

    /** The CommP of an all-zero piece of this size. */
    public static Commitment forSize(PaddedPieceSize size) {
        return atLevel(size.height());
    }

    /** The shared array: callers in this package only read it. */
    static byte[] raw(int level) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("zero-subtree level must be within 0.." + MAX_LEVEL + ": " + level);
        }
        return ROOTS[level];
    }

    private static byte[][] compute() {
        NodeHasher hasher = new NodeHasher();
        byte[][] roots = new byte[MAX_LEVEL + 1][];
        roots[0] = new byte[Commitment.BYTES];
        for (int level = 1; level <= MAX_LEVEL; level++) {
            roots[level] = new byte[Commitment.BYTES];
            hasher.hash(roots[level - 1], 0, roots[level - 1], 0, roots[level], 0);
        }
        return roots;
    }
}
