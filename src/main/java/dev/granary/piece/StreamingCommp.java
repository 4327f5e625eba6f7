package dev.granary.piece;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Single-threaded CommP with constant memory: 32 KiB blocks are hashed as they fill (straight from the caller's
 * array when a whole block is there) and their roots merged on a {@link NodeStack}.
 */
public final class StreamingCommp implements CommpCalculator {
    private final SubtreeHasher hasher = new SubtreeHasher();
    private final byte[] pending = new byte[SubtreeHasher.BLOCK_PAYLOAD];
    private NodeStack stack = new NodeStack(hasher.nodeHasher());
    private int pendingLength;
    private long total;

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        total += length;
        if (pendingLength > 0) {
            int taken = Math.min(length, pending.length - pendingLength);
            System.arraycopy(data, offset, pending, pendingLength, taken);
            pendingLength += taken;
            offset += taken;
            length -= taken;
            if (pendingLength < pending.length) {
                return;
            }
            hasher.fullBlock(pending, 0, stack);
            pendingLength = 0;
        }
        for (; length >= SubtreeHasher.BLOCK_PAYLOAD; offset += SubtreeHasher.BLOCK_PAYLOAD, length -= SubtreeHasher.BLOCK_PAYLOAD) {
            hasher.fullBlock(data, offset, stack);
        }
        System.arraycopy(data, offset, pending, 0, length);
        pendingLength = length;
    }

    @Override
    public void update(ByteBuffer data) {
        if (data.hasArray()) {
            update(data.array(), data.arrayOffset() + data.position(), data.remaining());
            data.position(data.limit());
            return;
        }
        while (data.hasRemaining()) {
            int taken = Math.min(data.remaining(), pending.length - pendingLength);
            data.get(pending, pendingLength, taken);
            pendingLength += taken;
            total += taken;
            if (pendingLength == pending.length) {
                hasher.fullBlock(pending, 0, stack);
                pendingLength = 0;
            }
        }
    }

    @Override
    public long payloadSize() {
        return total;
    }

    @Override
    public PieceCommitment digest() {
        if (pendingLength > 0) {
            hasher.partialBlock(pending, 0, pendingLength, stack);
        }
        PaddedPieceSize size = PaddedPieceSize.forPayload(total);
        PieceCommitment result = new PieceCommitment(Commitment.of(stack.root(size.height())), size, total);
        stack = new NodeStack(hasher.nodeHasher());
        pendingLength = 0;
        total = 0;
        return result;
    }

    @Override
    public void close() {
        // nothing held beyond memory
    }
}
