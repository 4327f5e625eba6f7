package dev.granary.filecoin;

import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.SecretKey;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * BLS12-381 signatures as Lotus and filecoin-ffi make them (f3 accounts): "minimal-pubkey-size" BLS with
 * 48-byte compressed G1 public keys and 96-byte compressed G2 signatures, the raw message hashed to G2 with
 * {@link #DST} (the IETF basic scheme, no proof-of-possession tag, no message augmentation).
 *
 * <p>Private keys are 32 bytes <b>little-endian</b>, as in Lotus key files; blst's native order is
 * big-endian, so reading them the other way round gives a different (wrong) key.
 *
 * <p>Backed by supranational blst through jblst's JNI binding. If its native library cannot load on this
 * platform, {@link #available()} is false and {@link #unavailableReason()} says why; the methods then throw
 * {@link UnsupportedOperationException}. CPU work (a pairing per verification): run off the event loop.
 */
public final class Bls {
    public static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
    public static final int PRIVATE_KEY_BYTES = 32;
    public static final int PUBLIC_KEY_BYTES = 48;
    public static final int SIGNATURE_BYTES = 96;

    /** Order r of the G1/G2 subgroups: private keys are scalars in [1, r-1]. */
    private static final BigInteger ORDER =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    private static final int COMPRESSED_FLAG = 0x80;
    private static final String UNAVAILABLE = probe();

    private Bls() {
    }

    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why the native library did not load, or null when it did. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** A fresh key the way filecoin-ffi derives one: blst key generation from 32 random bytes. */
    public static byte[] generatePrivateKey(SecureRandom random) {
        requireAvailable();
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        SecretKey key = new SecretKey();
        key.keygen(seed);
        return key.to_lendian();
    }

    public static byte[] publicKey(byte[] privateKey) {
        return new P1(secretKey(privateKey)).compress();
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        SecretKey key = secretKey(privateKey);
        return new P2().hash_to(message, DST).sign_with(key).compress();
    }

    /**
     * Whether {@code signature} is {@code publicKey}'s signature of {@code message}. Only compressed encodings
     * of the exact length are accepted; the key must be a non-identity point of the G1 subgroup and the
     * signature a point of the G2 subgroup.
     */
    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        requireAvailable();
        if (signature.length != SIGNATURE_BYTES || publicKey.length != PUBLIC_KEY_BYTES
                || (signature[0] & COMPRESSED_FLAG) == 0 || (publicKey[0] & COMPRESSED_FLAG) == 0) {
            return false;
        }
        try {
            P1_Affine key = new P1_Affine(publicKey);
            P2_Affine point = new P2_Affine(signature);
            if (key.is_inf() || !key.in_group() || !point.in_group()) {
                return false;
            }
            return point.core_verify(key, true, message, DST) == BLST_ERROR.BLST_SUCCESS;
        } catch (RuntimeException badEncoding) {
            // jblst reports undecodable and off-curve points as RuntimeException("BLST_ERROR: ...")
            return false;
        }
    }

    private static SecretKey secretKey(byte[] privateKey) {
        requireAvailable();
        if (privateKey == null || privateKey.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("BLS private key must be " + PRIVATE_KEY_BYTES + " bytes");
        }
        byte[] bigEndian = privateKey.clone();
        reverse(bigEndian);
        BigInteger scalar = new BigInteger(1, bigEndian);
        if (scalar.signum() == 0 || scalar.compareTo(ORDER) >= 0) {
            throw new IllegalArgumentException("BLS private key must be a little-endian scalar in [1, r-1]");
        }
        SecretKey key = new SecretKey();
        key.from_lendian(privateKey);
        Arrays.fill(bigEndian, (byte) 0);
        return key;
    }

    private static void requireAvailable() {
        if (UNAVAILABLE != null) {
            throw new UnsupportedOperationException("BLS is unavailable: " + UNAVAILABLE);
        }
    }

    private static String probe() {
        try {
            return P1.generator().is_inf() ? "blst returned the identity as G1 generator" : null;
        } catch (LinkageError | RuntimeException e) {
            return "blst native library did not load (" + e + ")";
        }
    }

    private static void reverse(byte[] bytes) {
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }
}
