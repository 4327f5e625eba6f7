package dev.granary.p2p.identity;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

import static dev.granary.p2p.identity.KeyVectors.*;
import static org.junit.jupiter.api.Assertions.*;

class PublicKeysTest {
    private static final byte[] MESSAGE = "noise-libp2p-static-key:0123".getBytes(StandardCharsets.UTF_8);

    @Test
    void specPublicKeysRoundTripByteForByte() {
        for (byte[] vector : new byte[][]{ED25519_PUBLIC, SECP256K1_PUBLIC, ECDSA_PUBLIC, RSA_PUBLIC}) {
            PublicKey key = PublicKeys.decode(vector);
            assertArrayEquals(vector, key.bytes());
            assertArrayEquals(vector, PublicKeys.encode(key.type(), key.data()));
        }
        assertEquals(KeyType.ED25519, PublicKeys.decode(ED25519_PUBLIC).type());
        assertEquals(KeyType.SECP256K1, PublicKeys.decode(SECP256K1_PUBLIC).type());
        assertEquals(KeyType.ECDSA, PublicKeys.decode(ECDSA_PUBLIC).type());
        assertEquals(KeyType.RSA, PublicKeys.decode(RSA_PUBLIC).type());
    }

    @Test
    void secp256k1PrivateVectorGivesThePublicVector() {
        byte[] scalar = Arrays.copyOfRange(SECP256K1_PRIVATE, 4, 36);
        byte[] pub = SignatureVerifier.SECP256K1.getG().multiply(new BigInteger(1, scalar)).normalize().getEncoded(true);
        assertArrayEquals(SECP256K1_PUBLIC, PublicKeys.encode(KeyType.SECP256K1, pub));
    }

    @Test
    void ecdsaPrivateVectorGivesThePublicVector() {
        // SEC1 ECPrivateKey: 30 77 02 01 01 04 20 <d> ...; the point d·G on P-256 must be the key in the public vector
        byte[] der = Arrays.copyOfRange(ECDSA_PRIVATE, 4, ECDSA_PRIVATE.length);
        byte[] scalar = Arrays.copyOfRange(der, 7, 39);
        byte[] point = CustomNamedCurves.getByName("secp256r1").getG().multiply(new BigInteger(1, scalar)).normalize().getEncoded(false);
        byte[] publicData = PublicKeys.decode(ECDSA_PUBLIC).data();
        assertArrayEquals(point, Arrays.copyOfRange(publicData, publicData.length - 65, publicData.length));
    }

    @Test
    void ed25519SignaturesVerify() {
        Ed25519Identity identity = Ed25519Identity.fromPrivateKeyProto(ED25519_PRIVATE);
        assertArrayEquals(ED25519_PUBLIC, identity.publicKeyProto());
        byte[] signature = identity.sign(MESSAGE);
        assertEquals(64, signature.length);
        assertTrue(PublicKeys.verify(ED25519_PUBLIC, MESSAGE, signature));
        assertFalse(PublicKeys.verify(ED25519_PUBLIC, "other".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(PublicKeys.verify(ED25519_PUBLIC, MESSAGE, Arrays.copyOf(signature, 63)));
        signature[10] ^= 1;
        assertFalse(PublicKeys.verify(ED25519_PUBLIC, MESSAGE, signature));
    }

    @Test
    void secp256k1DerSignaturesVerify() {
        BigInteger d = new BigInteger(1, Arrays.copyOfRange(SECP256K1_PRIVATE, 4, 36));
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, SignatureVerifier.SECP256K1_DOMAIN));
        BigInteger[] rs = signer.generateSignature(SignatureVerifier.sha256(MESSAGE));
        BigInteger n = SignatureVerifier.SECP256K1.getN();
        BigInteger lowS = rs[1].min(n.subtract(rs[1]));
        byte[] der = derSignature(rs[0], lowS);
        assertEquals(0x30, der[0]);
        assertTrue(PublicKeys.verify(SECP256K1_PUBLIC, MESSAGE, der));
        // high-S is the same signature to ECDSA; decred accepts it too
        assertTrue(PublicKeys.verify(SECP256K1_PUBLIC, MESSAGE, derSignature(rs[0], n.subtract(lowS))));
        assertFalse(PublicKeys.verify(SECP256K1_PUBLIC, "other".getBytes(StandardCharsets.UTF_8), der));
        byte[] trailing = Arrays.copyOf(der, der.length + 1);
        assertFalse(PublicKeys.verify(SECP256K1_PUBLIC, MESSAGE, trailing));
        byte[] raw64 = new byte[64];
        assertFalse(PublicKeys.verify(SECP256K1_PUBLIC, MESSAGE, raw64));
    }

    private static byte[] derSignature(BigInteger r, BigInteger s) {
        try {
            return new DERSequence(new ASN1Integer[]{new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ecdsaP256SignaturesVerify() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] proto = PublicKeys.encode(KeyType.ECDSA, pair.getPublic().getEncoded());
        byte[] signature = jdkSign("SHA256withECDSA", pair, MESSAGE);
        assertTrue(PublicKeys.verify(proto, MESSAGE, signature));
        assertFalse(PublicKeys.verify(proto, MESSAGE, new byte[]{0x30, 0x00}));
        assertFalse(PublicKeys.verify(ECDSA_PUBLIC, MESSAGE, signature));
    }

    @Test
    void rsaSignaturesVerifyAndSmallKeysAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] proto = PublicKeys.encode(KeyType.RSA, pair.getPublic().getEncoded());
        byte[] signature = jdkSign("SHA256withRSA", pair, MESSAGE);
        assertTrue(PublicKeys.verify(proto, MESSAGE, signature));
        assertFalse(PublicKeys.verify(RSA_PUBLIC, MESSAGE, signature));
        generator.initialize(1024);
        KeyPair small = generator.generateKeyPair();
        byte[] smallProto = PublicKeys.encode(KeyType.RSA, small.getPublic().getEncoded());
        byte[] smallSignature = jdkSign("SHA256withRSA", small, MESSAGE);
        assertThrows(IdentityException.class, () -> PublicKeys.verify(smallProto, MESSAGE, smallSignature));
    }

    private static byte[] jdkSign(String algorithm, KeyPair pair, byte[] message) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    @Test
    void malformedKeysAreRefused() {
        HexFormat hex = HexFormat.of();
        assertThrows(IdentityException.class, () -> PublicKeys.decode(new byte[0]));
        assertThrows(IdentityException.class, () -> PublicKeys.decode(hex.parseHex("0801")));
        assertThrows(IdentityException.class, () -> PublicKeys.decode(hex.parseHex("0805120100")));
        assertThrows(IdentityException.class, () -> PublicKeys.decode(hex.parseHex("08011201ff")));
        assertThrows(IdentityException.class, () -> PublicKeys.decode(hex.parseHex("080112ff01")));
        assertThrows(IdentityException.class, () -> PublicKeys.decode(hex.parseHex("0801080112020000")));
        assertThrows(IdentityException.class, () -> PublicKeys.decode(new byte[5000]));
        assertThrows(IdentityException.class, () -> PublicKeys.verify(PublicKeys.encode(KeyType.ECDSA, new byte[]{1, 2}), MESSAGE, new byte[8]));
        assertThrows(IdentityException.class, () -> PublicKeys.verify(PublicKeys.encode(KeyType.SECP256K1, new byte[33]), MESSAGE, new byte[8]));
    }

    @Test
    void unknownFieldsAndFieldOrderAreTolerated() {
        byte[] reordered = HexFormat.of().parseHex("1220" + HexFormat.of().formatHex(ED25519_PUBLIC, 4, 36) + "18070801");
        assertEquals(PublicKeys.decode(ED25519_PUBLIC), PublicKeys.decode(reordered));
    }
}
