package dev.granary.filecoin;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Filecoin's big-integer byte form (go-state-types {@code big.Int}), carried in CBOR as a byte string: empty
 * for zero, otherwise a sign byte (0x00 positive, 0x01 negative) and the big-endian magnitude.
 *
 * <p>Decoding accepts only the form encoders produce, so each value has one encoding: no leading zero in
 * the magnitude and no sign byte without a magnitude (Go would read those as the same number; rejecting them
 * keeps a re-encoded message byte-identical to what was signed).
 */
public final class BigIntBytes {
    /** go-state-types' limit on the serialized length, sign byte included. */
    public static final int MAX_BYTES = 128;

    private BigIntBytes() {
    }

    public static byte[] encode(BigInteger value) {
        if (value.signum() == 0) {
            return new byte[0];
        }
        byte[] magnitude = magnitude(value.abs());
        if (1 + magnitude.length > MAX_BYTES) {
            throw new ArithmeticException("big integer needs " + (1 + magnitude.length) + " bytes, over the " + MAX_BYTES + "-byte limit");
        }
        byte[] out = new byte[1 + magnitude.length];
        out[0] = (byte) (value.signum() < 0 ? 1 : 0);
        System.arraycopy(magnitude, 0, out, 1, magnitude.length);
        return out;
    }

    public static BigInteger decode(byte[] bytes) {
        if (bytes.length == 0) {
            return BigInteger.ZERO;
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("big integer of " + bytes.length + " bytes exceeds the " + MAX_BYTES + "-byte limit");
        }
        int sign = bytes[0];
        if (sign != 0 && sign != 1) {
            throw new IllegalArgumentException("big integer sign byte must be 0x00 or 0x01, got 0x" + Integer.toHexString(sign & 0xFF));
        }
        if (bytes.length == 1) {
            throw new IllegalArgumentException("big integer has a sign byte but no magnitude (zero is encoded as empty bytes)");
        }
        if (bytes[1] == 0) {
            throw new IllegalArgumentException("big integer magnitude has a leading zero byte (not canonical)");
        }
        BigInteger magnitude = new BigInteger(1, Arrays.copyOfRange(bytes, 1, bytes.length));
        return sign == 1 ? magnitude.negate() : magnitude;
    }

    /** Whether {@code value} fits the on-chain limit. */
    public static boolean fits(BigInteger value) {
        return value.signum() == 0 || 1 + (value.abs().bitLength() + 7) / 8 <= MAX_BYTES;
    }

    private static byte[] magnitude(BigInteger positive) {
        byte[] twosComplement = positive.toByteArray();
        // toByteArray adds a zero byte when the top bit is set, to keep the number positive.
        return twosComplement[0] == 0 ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }
}
