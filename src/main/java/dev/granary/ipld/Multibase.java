package dev.granary.ipld;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/** The multibase encodings we speak: base32 lower ('b', CIDv1), base58btc ('z', and bare for CIDv0), base64 ('m'). */
public final class Multibase {
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] BASE32_INDEX = index(BASE32);
    private static final int[] BASE58_INDEX = index(BASE58);
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    public enum Base { BASE32('b'), BASE58BTC('z'), BASE64('m');
        public final char prefix;

        Base(char prefix) {
            this.prefix = prefix;
        }
    }

    private Multibase() {
    }

    public static String encode(Base base, byte[] bytes) {
        return base.prefix + switch (base) {
            case BASE32 -> base32(bytes);
            case BASE58BTC -> base58(bytes);
            case BASE64 -> Base64.getEncoder().withoutPadding().encodeToString(bytes);
        };
    }

    public static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new IpldFormatException("multibase: empty string");
        }
        String body = text.substring(1);
        return switch (text.charAt(0)) {
            case 'b' -> decodeBase32(body);
            case 'z' -> decodeBase58(body);
            case 'm' -> decodeBase64(body);
            default -> throw new IpldFormatException("multibase: unsupported prefix '" + text.charAt(0) + "'");
        };
    }

    /** RFC 4648 base32, lowercase, no padding. */
    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Strict: lowercase alphabet only, no padding, and unused trailing bits must be zero (one text per value). */
    public static byte[] decodeBase32(String text) {
        int remainder = text.length() % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IpldFormatException("base32: impossible length " + text.length());
        }
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c < 128 ? BASE32_INDEX[c] : -1;
            if (value < 0) {
                throw new IpldFormatException("base32: invalid character '" + c + "' at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[at++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IpldFormatException("base32: non-zero trailing bits");
        }
        return out;
    }

    public static String base58(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(FIFTY_EIGHT);
            out.append(BASE58.charAt(division[1].intValue()));
            value = division[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    public static byte[] decodeBase58(String text) {
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? BASE58_INDEX[c] : -1;
            if (digit < 0) {
                throw new IpldFormatException("base58: invalid character '" + c + "' at " + i);
            }
            value = value.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IpldFormatException("base64: " + e.getMessage(), e);
        }
    }

    private static int[] index(String alphabet) {
        int[] index = new int[128];
        Arrays.fill(index, -1);
        for (int i = 0; i < alphabet.length(); i++) {
            index[alphabet.charAt(i)] = i;
        }
        return index;
    }
}
