package dev.granary.piece;

/** Payload capacity of a piece: {@code 127·2^k} bytes, the padded size less one byte in 128. */
public record UnpaddedPieceSize(long bytes) implements Comparable<UnpaddedPieceSize> {
    public UnpaddedPieceSize {
        if (bytes < 127 || bytes >> Long.numberOfTrailingZeros(bytes) != 127) {
            throw new IllegalArgumentException("unpadded piece size must be 127·2^k bytes: " + bytes);
        }
    }

    public static UnpaddedPieceSize of(long bytes) {
        return new UnpaddedPieceSize(bytes);
    }

    public PaddedPieceSize padded() {
        return new PaddedPieceSize(bytes + bytes / 127);
    }

    @Override
    public int compareTo(UnpaddedPieceSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return Long.toString(bytes);
    }
}
