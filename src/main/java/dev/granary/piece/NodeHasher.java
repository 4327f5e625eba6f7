package dev.granary.piece;

/**
 * The piece-tree node function, sha2-256-trunc254-padded: SHA-256 of the 64-byte pair, then the two top bits of
 * the last byte cleared so the node is again a field element. Not thread-safe: one per thread, reused for every
 * node, because allocating around the hash would cost as much as the hash (see {@link Sha256Node}).
 */
public final class NodeHasher {
    private final Sha256Node sha256 = Sha256Node.create();
    private final byte[] pair = new byte[2 * Commitment.BYTES];

    public NodeHasher() {
    }

    public Commitment hash(Commitment left, Commitment right) {
        left.copyTo(pair, 0);
        right.copyTo(pair, Commitment.BYTES);
        hashAdjacent(pair, 0, pair, 0);
        return Commitment.of(pair);
    }

    /** Hashes two nodes that need not be adjacent; {@code out} may overlap either input. */
    void hash(byte[] left, int leftOff, byte[] right, int rightOff, byte[] out, int outOff) {
        System.arraycopy(left, leftOff, pair, 0, Commitment.BYTES);
        System.arraycopy(right, rightOff, pair, Commitment.BYTES, Commitment.BYTES);
        hashAdjacent(pair, 0, out, outOff);
    }

    /** Which SHA-256 path nodes take: "intrinsic compression" or "MessageDigest" (see {@link Sha256Node}). */
    public static String path() {
        return Sha256Node.intrinsicAvailable() ? "intrinsic compression" : "MessageDigest";
    }

    /** Hashes the 64 bytes at {@code in[inOff]} into 32 bytes at {@code out[outOff]}, which may overlap the input. */
    public void hashAdjacent(byte[] in, int inOff, byte[] out, int outOff) {
        sha256.hash(in, inOff, out, outOff);
        out[outOff + 31] &= 0x3F;
    }

    /**
     * Reduces {@code leaves} adjacent 32-byte nodes (a power of two) at {@code buf[off]} to their root, written at
     * {@code buf[off]}. Each level overwrites the front of the one below, so the working set never leaves the buffer.
     */
    void reduceInPlace(byte[] buf, int off, int leaves) {
        for (int nodes = leaves; nodes > 1; nodes >>>= 1) {
            for (int p = 0, pairs = nodes >>> 1; p < pairs; p++) {
                int out = off + p * 32;
                sha256.hash(buf, off + p * 64, buf, out);
                buf[out + 31] &= 0x3F;
            }
        }
    }
}
