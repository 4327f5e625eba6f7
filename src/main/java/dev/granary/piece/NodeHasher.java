package dev.granary.piece;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The piece-tree node function, sha2-256-trunc254-padded: SHA-256 of the 64-byte pair, then the two top bits of
 * the last byte cleared so the node is again a field element. Not thread-safe: one per thread, reused for every
 * node, because the JDK's SHA-256 intrinsic is reached only through {@link MessageDigest} and allocating around
 * it would cost as much as the hash.
 */
public final class NodeHasher {
    private final MessageDigest sha256;
    private final byte[] pair = new byte[2 * Commitment.BYTES];

    public NodeHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
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

    /** Hashes the 64 bytes at {@code in[inOff]} into 32 bytes at {@code out[outOff]}, which may overlap the input. */
    void hashAdjacent(byte[] in, int inOff, byte[] out, int outOff) {
        sha256.update(in, inOff, 64);
        try {
            sha256.digest(out, outOff, Commitment.BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        out[outOff + 31] &= 0x3F;
    }

    /**
     * Reduces {@code leaves} adjacent 32-byte nodes (a power of two) at {@code buf[off]} to their root, written at
     * {@code buf[off]}. Each level overwrites the front of the one below, so the working set never leaves the buffer.
     */
    void reduceInPlace(byte[] buf, int off, int leaves) {
        // the digest calls are written out here rather than through hashAdjacent: the JIT will not inline that
        // (MessageDigest's code makes it too big), and a call per node is measurable at this rate
        try {
            for (int nodes = leaves; nodes > 1; nodes >>>= 1) {
                for (int p = 0, pairs = nodes >>> 1; p < pairs; p++) {
                    int out = off + p * 32;
                    sha256.update(buf, off + p * 64, 64);
                    sha256.digest(buf, out, Commitment.BYTES);
                    buf[out + 31] &= 0x3F;
                }
            }
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
