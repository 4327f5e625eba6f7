package dev.granary.filecoin;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A typed signature as Filecoin carries it: one byte string {@code type ‖ data} (in CBOR a byte string of
 * {@code 1 + data.length} bytes). Reading checks only the envelope; whether the data has the right length
 * for its type is the verifier's call, as on chain.
 */
public final class Signature {
    /** go-state-types' limit on the wire form, type byte included. */
    public static final int MAX_BYTES = 200;

    private final SignatureType type;
    private final byte[] data;

    public Signature(SignatureType type, byte[] data) {
        if (type == null || data == null) {
            throw new SignatureFormatException("signature type and data are required");
        }
        if (1 + data.length > MAX_BYTES) {
            throw new SignatureFormatException("signature of " + (1 + data.length) + " bytes exceeds " + MAX_BYTES);
        }
        this.type = type;
        this.data = data.clone();
    }

    public static Signature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new SignatureFormatException("signature bytes are empty");
        }
        return new Signature(SignatureType.fromCode(bytes[0] & 0xFF), Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    public SignatureType type() {
        return type;
    }

    public byte[] data() {
        return data.clone();
    }

    /** {@code type ‖ data}: the wire form. */
    public byte[] bytes() {
        byte[] out = new byte[1 + data.length];
        out[0] = (byte) type.code();
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && type == that.type && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Signature{" + type + ", " + HexFormat.of().formatHex(data) + "}";
    }
}
