package dev.granary.filecoin;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * secp256k1 keys and signatures the way Lotus makes them (f1 accounts): the message is hashed with
 * blake2b-256 and that digest is signed as-is; the signature is 65 bytes {@code r ‖ s ‖ v} with v the
 * recovery id (0..3, not Ethereum's 27/28). Verification recovers the public key and compares its f1
 * address, since no public key travels with the signature.
 *
 * <p>Signing is deterministic (RFC 6979 with HMAC-SHA256 over the private key and the blake2b digest) and
 * always low-S, so the same key and message give the same bytes as other RFC 6979 signers (libsecp256k1,
 * noble). Recovery accepts high-S signatures too, as Lotus does. CPU work: run off the event loop.
 */
public final class Secp256k1 {
    public static final int PRIVATE_KEY_BYTES = 32;
    public static final int PUBLIC_KEY_BYTES = 65;
    public static final int SIGNATURE_BYTES = 65;
    public static final int DIGEST_BYTES = 32;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

    private Secp256k1() {
    }

    public static byte[] generatePrivateKey(SecureRandom random) {
        byte[] key = new byte[PRIVATE_KEY_BYTES];
        do {
            random.nextBytes(key);
        } while (!validScalar(new BigInteger(1, key)));
        return key;
    }

    /** The 65-byte uncompressed public key {@code 04 ‖ X ‖ Y}. */
    public static byte[] publicKey(byte[] privateKey) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), scalar(privateKey)).normalize().getEncoded(false);
    }

    /** Signs blake2b-256 of {@code message}: 65 bytes r ‖ s ‖ v, low-S. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        return signDigest(privateKey, Digests.blake2b256(message));
    }

    /** The public key that made {@code signature} over {@code message}; throws if none can. */
    public static byte[] recover(byte[] signature, byte[] message) {
        return recoverFromDigest(signature, Digests.blake2b256(message));
    }

    /** Whether {@code signature} over {@code message} was made by the key behind the f1 address {@code signer}. */
    public static boolean verify(byte[] signature, byte[] message, Address signer) {
        if (signer.protocol() != AddressProtocol.SECP256K1) {
            return false;
        }
        try {
            return Address.secp256k1(recover(signature, message)).equals(signer);
        } catch (SignatureFormatException e) {
            return false;
        }
    }

    public static boolean isLowS(byte[] signature) {
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        return s.compareTo(HALF_N) <= 0;
    }

    static byte[] signDigest(byte[] privateKey, byte[] digest) {
        requireDigest(digest);
        BigInteger d = scalar(privateKey);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        byte[] expectedKey = publicKey(privateKey);
        byte[] signature = new byte[SIGNATURE_BYTES];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, signature, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, signature, 32, 32);
        // The signer does not expose R's y parity, and negating s flips it; finding v by trial is simplest.
        for (int v = 0; v < 4; v++) {
            signature[64] = (byte) v;
            try {
                if (Arrays.equals(recoverFromDigest(signature, digest), expectedKey)) {
                    return signature;
                }
            } catch (SignatureFormatException notThisOne) {
                // x = r + n exceeds the field for almost every r; try the next id
            }
        }
        throw new IllegalStateException("no recovery id reproduces the signing key");
    }

    /** SEC 1 §4.1.6 public key recovery. */
    static byte[] recoverFromDigest(byte[] signature, byte[] digest) {
        requireDigest(digest);
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new SignatureFormatException("secp256k1 signature must be " + SIGNATURE_BYTES + " bytes (r ‖ s ‖ v), got "
                    + (signature == null ? "null" : signature.length));
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int v = signature[64] & 0xFF;
        if (v > 3) {
            throw new SignatureFormatException("secp256k1 recovery id must be 0..3, got " + v);
        }
        if (!validScalar(r) || !validScalar(s)) {
            throw new SignatureFormatException("secp256k1 signature r and s must be in [1, n-1]");
        }
        BigInteger x = v >= 2 ? r.add(N) : r;
        if (x.compareTo(P) >= 0) {
            throw new SignatureFormatException("secp256k1 recovery id " + v + " points outside the field");
        }
        ECPoint bigR = decompress(x, (v & 1) == 1);
        BigInteger rInverse = r.modInverse(N);
        BigInteger e = new BigInteger(1, digest);
        BigInteger a = e.negate().multiply(rInverse).mod(N);
        BigInteger b = s.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), a, bigR, b).normalize();
        if (q.isInfinity()) {
            throw new SignatureFormatException("secp256k1 signature recovers the point at infinity");
        }
        return q.getEncoded(false);
    }

    private static ECPoint decompress(BigInteger x, boolean oddY) {
        byte[] encoded = new byte[33];
        encoded[0] = (byte) (oddY ? 0x03 : 0x02);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, encoded, 1, 32);
        try {
            return CURVE.getCurve().decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("secp256k1 signature r is not the x of a curve point", e);
        }
    }

    private static BigInteger scalar(byte[] privateKey) {
        if (privateKey == null || privateKey.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("secp256k1 private key must be " + PRIVATE_KEY_BYTES + " bytes");
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (!validScalar(d)) {
            throw new IllegalArgumentException("secp256k1 private key must be in [1, n-1]");
        }
        return d;
    }

    private static boolean validScalar(BigInteger value) {
        return value.signum() > 0 && value.compareTo(N) < 0;
    }

    private static void requireDigest(byte[] digest) {
        if (digest == null || digest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("digest must be " + DIGEST_BYTES + " bytes");
        }
    }
}
