package dev.granary.piece;

import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte piece-tree node used as a commitment (CommP, CommD): a little-endian field element below 2^254. */
public final class Commitment {
    public static final int BYTES = 32;

    private final byte[] bytes;

    private Commitment(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Commitment of(byte[] bytes) {
        return of(bytes, 0);
    }

    public static Commitment of(byte[] source, int offset) {
        if (offset < 0 || source.length - offset < BYTES) {
            throw new IllegalArgumentException("a commitment is " + BYTES + " bytes, got " + (source.length - offset));
        }
        return new Commitment(Arrays.copyOfRange(source, offset, offset + BYTES));
    }

    public static Commitment ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, BYTES);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Commitment that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
