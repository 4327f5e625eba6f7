package dev.granary.piece;

/**
 * Size of a piece after Fr32 expansion: the byte length of the tree's leaf layer, a power of two of at least
 * 128 bytes. The tree over it has {@link #height()} levels above its 32-byte leaves.
 */
public record PaddedPieceSize(long bytes) implements Comparable<PaddedPieceSize> {
    public static final long MIN_BYTES = 128;
    /** Largest size whose tree height fits {@link ZeroCommitments#MAX_LEVEL}; far beyond any sector. */
    public static final long MAX_BYTES = 1L << 62;

    public PaddedPieceSize {
        if (bytes < MIN_BYTES || Long.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("padded piece size must be a power of two of at least 128 bytes: " + bytes);
        }
    }

    public static PaddedPieceSize of(long bytes) {
        return new PaddedPieceSize(bytes);
    }

    /** Size of the tree {@code height} levels above its leaves ({@code 32 << height} bytes). */
    public static PaddedPieceSize ofHeight(int height) {
        if (height < 2 || height > ZeroCommitments.MAX_LEVEL) {
            throw new IllegalArgumentException("piece tree height must be within 2.." + ZeroCommitments.MAX_LEVEL + ": " + height);
        }
        return new PaddedPieceSize(32L << height);
    }

    /**
     * The smallest piece that holds {@code payloadBytes} raw bytes: whole 127-byte quads, rounded up to a power of
     * two, never below 128 bytes (payloads under 127 bytes are zero-filled to one quad).
     */
    public static PaddedPieceSize forPayload(long payloadBytes) {
        if (payloadBytes < 0 || payloadBytes > MAX_BYTES / 128 * 127) {
            throw new IllegalArgumentException("payload size out of range: " + payloadBytes);
        }
        long quads = Math.max(1, (payloadBytes + 126) / 127);
        long roundedQuads = Long.highestOneBit(quads) == quads ? quads : Long.highestOneBit(quads) << 1;
        return new PaddedPieceSize(roundedQuads * 128);
    }

    public UnpaddedPieceSize unpadded() {
        return new UnpaddedPieceSize(bytes - bytes / 128);
    }

    /** Levels above the 32-byte leaves: 2 for 128 B, 30 for 32 GiB. */
    public int height() {
        return Long.numberOfTrailingZeros(bytes) - 5;
    }

    public boolean fitsIn(PaddedPieceSize other) {
        return bytes <= other.bytes;
    }

    @Override
    public int compareTo(PaddedPieceSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return Long.toString(bytes);
    }
}
