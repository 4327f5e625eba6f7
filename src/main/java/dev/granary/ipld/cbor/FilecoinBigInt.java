package dev.granary.ipld.cbor;

import java.math.BigInteger;

/**
 * go-state-types' big.Int bytes (TokenAmount, StoragePower): empty for zero, otherwise a sign byte (0x00
 * positive, 0x01 negative) and the big-endian magnitude.
 */
final class FilecoinBigInt {
    /** go-state-types' BigIntMaxSerializedLen: sign byte included. */
    static final int MAX_BYTES = 128;

    private FilecoinBigInt() {
    }

    static byte[] encode(BigInteger value) {
        if (value.signum() == 0) {
            return new byte[0];
        }
        byte[] magnitude = value.abs().toByteArray();
        int skip = magnitude[0] == 0 ? 1 : 0; // toByteArray adds a zero byte when the top bit is set
        int length = magnitude.length - skip;
        if (length + 1 > MAX_BYTES) {
            throw new IllegalArgumentException("big integer needs " + (length + 1) + " bytes, over the " + MAX_BYTES + "-byte limit");
        }
        byte[] out = new byte[length + 1];
        out[0] = (byte) (value.signum() < 0 ? 1 : 0);
        System.arraycopy(magnitude, skip, out, 1, length);
        return out;
    }

    /**
     * Why these bytes are not the one encoding of a number, or null when they are. Go's decoder accepts a
     * leading zero and a lone sign byte too, but re-encodes them differently; refusing them keeps every value
     * we accept byte-identical when written back (signatures cover those bytes).
     */
    static String problem(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        if (bytes[0] != 0 && bytes[0] != 1) {
            return String.format("big integer has unknown sign byte 0x%02x", bytes[0] & 0xFF);
        }
        if (bytes.length == 1) {
            return "big integer has a sign byte but no magnitude (zero is the empty byte string)";
        }
        if (bytes[1] == 0) {
            return "big integer magnitude has a leading zero byte";
        }
        return null;
    }

    /** The value of bytes {@link #problem} found nothing wrong with. */
    static BigInteger decode(byte[] bytes) {
        if (bytes.length == 0) {
            return BigInteger.ZERO;
        }
        BigInteger magnitude = new BigInteger(1, bytes, 1, bytes.length - 1);
        return bytes[0] == 1 ? magnitude.negate() : magnitude;
    }
}
