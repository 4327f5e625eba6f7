package dev.granary.p2p.noise;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/** SHA-256 and HKDF (RFC 5869 over HMAC-SHA256), the hash half of the Noise suite. */
final class NoiseCrypto {
    static final int HASH_LENGTH = 32;

    private NoiseCrypto() {
    }

    static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(a);
            digest.update(b);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // RFC 5869 turns an empty salt into HashLen zero bytes; the JDK refuses empty keys outright.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[HASH_LENGTH] : key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    }

    static byte[] hkdfExtract(byte[] salt, byte[] ikm) {
        return hmac(salt, ikm);
    }

    static byte[] hkdfExpand(byte[] prk, byte[] info, int length) {
        if (length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output too long: " + length);
        }
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        for (int filled = 0, counter = 1; filled < length; counter++) {
            previous = hmac(prk, previous, info, new byte[]{(byte) counter});
            int take = Math.min(HASH_LENGTH, length - filled);
            System.arraycopy(previous, 0, out, filled, take);
            filled += take;
        }
        return out;
    }

    /** The Noise HKDF with two outputs: extract with the chaining key as salt, expand with empty info. */
    static byte[][] hkdf2(byte[] chainingKey, byte[] ikm) {
        byte[] both = hkdfExpand(hkdfExtract(chainingKey, ikm), new byte[0], 2 * HASH_LENGTH);
        return new byte[][]{Arrays.copyOfRange(both, 0, HASH_LENGTH), Arrays.copyOfRange(both, HASH_LENGTH, 2 * HASH_LENGTH)};
    }
}
