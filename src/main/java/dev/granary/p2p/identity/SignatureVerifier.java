package dev.granary.p2p.identity;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Signature checks per libp2p key type (peer-ids spec): Ed25519 plain, the others over SHA-256 of the message. */
final class SignatureVerifier {
    /** DER SubjectPublicKeyInfo header for a raw 32-byte Ed25519 key, so the JDK KeyFactory can take it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters SECP256K1_DOMAIN = new ECDomainParameters(
            SECP256K1.getCurve(), SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());
    /** go's MinRsaKeyBits and its upper bound; smaller keys are forgeable, larger ones are a CPU sink. */
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;

    private SignatureVerifier() {
    }

    static boolean verify(KeyType type, byte[] data, byte[] message, byte[] signature) {
        return switch (type) {
            case ED25519 -> signature.length == 64
                    && jdkVerify("Ed25519", jdkKey("Ed25519", concat(ED25519_SPKI_PREFIX, data)), message, signature);
            case SECP256K1 -> verifySecp256k1(data, message, signature);
            case ECDSA -> jdkVerify("SHA256withECDSA", ecdsaKey(data), message, signature);
            case RSA -> jdkVerify("SHA256withRSA", rsaKey(data), message, signature);
        };
    }

    private static java.security.PublicKey ecdsaKey(byte[] der) {
        java.security.PublicKey key = jdkKey("EC", der);
        if (!(key instanceof ECPublicKey)) {
            throw new IdentityException("ECDSA key data is not an EC key");
        }
        return key;
    }

    private static java.security.PublicKey rsaKey(byte[] der) {
        java.security.PublicKey key = jdkKey("RSA", der);
        int bits = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new IdentityException("RSA key of " + bits + " bits, outside " + MIN_RSA_BITS + ".." + MAX_RSA_BITS);
        }
        return key;
    }

    private static java.security.PublicKey jdkKey(String algorithm, byte[] spki) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IdentityException("invalid " + algorithm + " public key: " + e.getMessage(), e);
        }
    }

    private static boolean jdkVerify(String algorithm, java.security.PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a garbled signature (bad DER, off-curve point) is simply not a valid signature
            return false;
        }
    }

    private static boolean verifySecp256k1(byte[] data, byte[] message, byte[] signature) {
        ECPoint point;
        try {
            point = SECP256K1.getCurve().decodePoint(data);
        } catch (RuntimeException e) {
            throw new IdentityException("invalid secp256k1 public key: " + e.getMessage(), e);
        }
        BigInteger[] rs = strictDerSignature(signature);
        if (rs == null) {
            return false;
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(point, SECP256K1_DOMAIN));
        return signer.verifySignature(sha256(message), rs[0], rs[1]);
    }

    /** r and s from a DER {@code SEQUENCE{r, s}} that re-encodes to the same bytes (BIP 66 strictness), else null. */
    static BigInteger[] strictDerSignature(byte[] signature) {
        if (signature.length < 8 || signature.length > 72) {
            return null;
        }
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
            if (sequence.size() != 2) {
                return null;
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            byte[] canonical = new DERSequence(new ASN1Integer[]{new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded(ASN1Encoding.DER);
            BigInteger n = SECP256K1.getN();
            if (!Arrays.equals(canonical, signature) || r.signum() <= 0 || s.signum() <= 0
                    || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
                return null;
            }
            return new BigInteger[]{r, s};
        } catch (Exception e) {
            return null;
        }
    }

    static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
