package dev.granary.piece;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Hashes payload into subtree roots one block at a time: Fr32-expand 256 quads (32,512 payload bytes) into a
 * 32 KiB buffer small enough to stay in the core's cache, reduce it in place to one level-10 node, and push that
 * onto a {@link NodeStack}. Full blocks are read straight from the caller's array. One per thread; owns its
 * {@link NodeHasher} and buffers.
 */
final class SubtreeHasher {
    static final int BLOCK_QUADS = 256;
    static final int BLOCK_PAYLOAD = BLOCK_QUADS * Fr32.QUAD_PAYLOAD;
    static final int BLOCK_PADDED = BLOCK_QUADS * Fr32.QUAD_PADDED;
    static final int BLOCK_LEVEL = 10;

    private final NodeHasher hasher = new NodeHasher();
    private final byte[] padded = new byte[BLOCK_PADDED];
    private final byte[] staging = new byte[BLOCK_PAYLOAD];

    NodeHasher nodeHasher() {
        return hasher;
    }

    /** Hashes {@value #BLOCK_PAYLOAD} payload bytes at {@code src[off]} and pushes their level-10 root. */
    void fullBlock(byte[] src, int off, NodeStack stack) {
        Fr32.pad(src, off, padded, 0, BLOCK_QUADS);
        hasher.reduceInPlace(padded, 0, BLOCK_PADDED / Commitment.BYTES);
        stack.push(padded, 0, BLOCK_LEVEL);
    }

    /**
     * Hashes the last, short block of a piece or chunk ({@code 0 < len < BLOCK_PAYLOAD}): zero-filled to whole
     * quads and then to a power of two of them, which is where it sits in the zero-padded piece.
     */
    void partialBlock(byte[] src, int off, int len, NodeStack stack) {
        if (src != staging || off != 0) {
            System.arraycopy(src, off, staging, 0, len);
        }
        int quads = (len + Fr32.QUAD_PAYLOAD - 1) / Fr32.QUAD_PAYLOAD;
        Arrays.fill(staging, len, quads * Fr32.QUAD_PAYLOAD, (byte) 0);
        Fr32.pad(staging, 0, padded, 0, quads);
        int treeQuads = Integer.highestOneBit(quads) == quads ? quads : Integer.highestOneBit(quads) << 1;
        Arrays.fill(padded, quads * Fr32.QUAD_PADDED, treeQuads * Fr32.QUAD_PADDED, (byte) 0);
        int leaves = treeQuads * Fr32.QUAD_PADDED / Commitment.BYTES;
        hasher.reduceInPlace(padded, 0, leaves);
        stack.push(padded, 0, Integer.numberOfTrailingZeros(leaves));
    }

    /** Hashes {@code len} bytes at {@code src[off]}, a whole piece or an aligned chunk of one. */
    void segment(byte[] src, int off, int len, NodeStack stack) {
        int end = off + len;
        for (; end - off >= BLOCK_PAYLOAD; off += BLOCK_PAYLOAD) {
            fullBlock(src, off, stack);
        }
        if (end > off) {
            partialBlock(src, off, end - off, stack);
        }
    }

    /** As {@link #segment(byte[], int, int, NodeStack)} for the buffer's remaining bytes, which it consumes. */
    void segment(ByteBuffer src, NodeStack stack) {
        if (src.hasArray()) {
            segment(src.array(), src.arrayOffset() + src.position(), src.remaining(), stack);
            src.position(src.limit());
            return;
        }
        while (src.remaining() >= BLOCK_PAYLOAD) {
            src.get(staging, 0, BLOCK_PAYLOAD);
            fullBlock(staging, 0, stack);
        }
        int rest = src.remaining();
        if (rest > 0) {
            src.get(staging, 0, rest);
            partialBlock(staging, 0, rest, stack);
        }
    }

    /** The root of a whole chunk or piece of {@code len} payload bytes, zero-padded to its natural size. */
    byte[] root(ByteBuffer src) {
        long len = src.remaining();
        NodeStack stack = new NodeStack(hasher);
        segment(src, stack);
        return stack.root(PaddedPieceSize.forPayload(len).height());
    }
}
