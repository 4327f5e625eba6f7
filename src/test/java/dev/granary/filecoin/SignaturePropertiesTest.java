package dev.granary.filecoin;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignaturePropertiesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger SECP256K1_N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    @Property(tries = 3_000)
    void secp256k1SignThenRecoverGivesTheKeyAndLowS(@ForAll("secpKeys") byte[] privateKey, @ForAll @Size(max = 300) byte[] message) {
        byte[] signature = Secp256k1.sign(privateKey, message);
        assertEquals(Secp256k1.SIGNATURE_BYTES, signature.length);
        assertTrue(Secp256k1.isLowS(signature));
        assertTrue(signature[64] == 0 || signature[64] == 1, "v is a recovery id, got " + signature[64]);
        assertArrayEquals(Secp256k1.publicKey(privateKey), Secp256k1.recover(signature, message));
        assertArrayEquals(signature, Secp256k1.sign(privateKey, message), "deterministic");
        assertTrue(SignatureVerifier.isValid(new Signature(SignatureType.SECP256K1, signature), message,
                Address.secp256k1(Secp256k1.publicKey(privateKey))));
    }

    @Property(tries = 2_000)
    void highSFormOfALowSSignatureStillRecoversTheSameKey(@ForAll("secpKeys") byte[] privateKey, @ForAll @Size(max = 100) byte[] message) {
        byte[] signature = Secp256k1.sign(privateKey, message);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] malleated = signature.clone();
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, SECP256K1_N.subtract(s)), 0, malleated, 32, 32);
        malleated[64] ^= 1;
        assertFalse(Secp256k1.isLowS(malleated));
        assertArrayEquals(Secp256k1.publicKey(privateKey), Secp256k1.recover(malleated, message), "Lotus accepts high-S on verify");
    }

    @Property(tries = 2_000)
    void delegatedSignThenVerify(@ForAll("secpKeys") byte[] privateKey, @ForAll @Size(max = 300) byte[] message) {
        byte[] signature = DelegatedSignatures.sign(privateKey, message);
        assertTrue(Secp256k1.isLowS(signature));
        Address signer = DelegatedSignatures.address(Secp256k1.publicKey(privateKey));
        assertTrue(SignatureVerifier.isValid(new Signature(SignatureType.DELEGATED, signature), message, signer));
    }

    @Property(tries = 10_000)
    void arbitrarySignatureBytesNeverVerifyAndFailCleanly(@ForAll @Size(min = 65, max = 65) byte[] signature,
                                                          @ForAll @Size(max = 64) byte[] message) {
        Address someone = Address.parse("f1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba");
        assertFalse(SignatureVerifier.isValid(new Signature(SignatureType.SECP256K1, signature), message, someone));
    }

    @Property(tries = 300)
    void blsSignThenVerify(@ForAll("blsKeys") byte[] privateKey, @ForAll @Size(max = 300) byte[] message) {
        byte[] signature = Bls.sign(privateKey, message);
        Address signer = Address.bls(Bls.publicKey(privateKey));
        assertTrue(SignatureVerifier.isValid(new Signature(SignatureType.BLS, signature), message, signer));
        byte[] other = Arrays.copyOf(message, message.length + 1);
        assertFalse(Bls.verify(signature, other, signer.payload()));
    }

    @Provide
    Arbitrary<byte[]> secpKeys() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, SECP256K1_N.subtract(BigInteger.ONE)).withDistribution(
                RandomDistribution.uniform()).map(d -> BigIntegers.asUnsignedByteArray(32, d));
    }

    @Provide
    Arbitrary<byte[]> blsKeys() {
        return Arbitraries.create(() -> Bls.generatePrivateKey(RANDOM));
    }
}
