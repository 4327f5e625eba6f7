package dev.granary.piece;

/**
 * The right edge of a piece tree being built left to right: at most one finished subtree root per level, waiting
 * for its right sibling. Memory is constant (one node per level) however long the piece. Subtrees must arrive in
 * order and aligned, i.e. never at a level above one that is still waiting, which holds when they are uniform
 * chunks followed by one smaller tail, or pieces placed at offsets that are multiples of their size.
 */
final class NodeStack {
    private final byte[][] nodes = new byte[ZeroCommitments.MAX_LEVEL + 1][Commitment.BYTES];
    private final boolean[] waiting = new boolean[ZeroCommitments.MAX_LEVEL + 1];
    private final byte[] carry = new byte[Commitment.BYTES];
    private final NodeHasher hasher;
    private int lowestWaiting = Integer.MAX_VALUE;

    NodeStack(NodeHasher hasher) {
        this.hasher = hasher;
    }

    /** Adds the root of the next subtree, {@code level} levels above the leaves, merging equal-level neighbours. */
    void push(byte[] node, int offset, int level) {
        if (level > lowestWaiting) {
            throw new IllegalStateException("a level-" + level + " subtree cannot follow an unpaired level-" + lowestWaiting + " one");
        }
        System.arraycopy(node, offset, carry, 0, Commitment.BYTES);
        while (waiting[level]) {
            waiting[level] = false;
            hasher.hash(nodes[level], 0, carry, 0, carry, 0);
            level++;
        }
        System.arraycopy(carry, 0, nodes[level], 0, Commitment.BYTES);
        waiting[level] = true;
        lowestWaiting = level;
    }

    /**
     * The root of the tree of height {@code level} holding everything pushed so far followed by zeros. Throws when
     * more than that was pushed. The stack is unchanged.
     */
    byte[] root(int level) {
        byte[] current = null;
        byte[] scratch = new byte[Commitment.BYTES];
        for (int l = 0; l < level; l++) {
            if (current == null) {
                if (waiting[l]) {
                    current = scratch;
                    hasher.hash(nodes[l], 0, ZeroCommitments.raw(l), 0, current, 0);
                }
            } else if (waiting[l]) {
                hasher.hash(nodes[l], 0, current, 0, current, 0);
            } else {
                hasher.hash(current, 0, ZeroCommitments.raw(l), 0, current, 0);
            }
        }
        for (int l = level + (current == null ? 1 : 0); l <= ZeroCommitments.MAX_LEVEL; l++) {
            if (waiting[l]) {
                throw new IllegalStateException("the subtrees pushed do not fit a tree of height " + level);
            }
        }
        if (current == null) {
            return (waiting[level] ? nodes[level] : ZeroCommitments.raw(level)).clone();
        }
        return current;
    }
}
