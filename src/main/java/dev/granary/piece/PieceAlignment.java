package dev.granary.piece;

/**
 * Alignment of raw payload written into an unsealed sector file, in unpadded bytes: a payload is given the smallest
 * 127·2^k slot that holds it, starting at a multiple of that slot. {@code left} zero bytes go before it and
 * {@code right} after it. This is the padded-offset rule of {@link SectorLayout} seen in payload units.
 */
public record PieceAlignment(long left, long right) {
    public static PieceAlignment of(long writtenUnpadded, long payloadBytes) {
        if (writtenUnpadded < 0 || payloadBytes < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        long slot = PaddedPieceSize.forPayload(payloadBytes).unpadded().bytes();
        long left = Math.floorMod(-writtenUnpadded, slot);
        return new PieceAlignment(left, slot - payloadBytes);
    }
}
