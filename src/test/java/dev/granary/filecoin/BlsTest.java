package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import static dev.granary.filecoin.Vectors.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlsTest {
    private static final JsonNode VECTORS = Vectors.load("bls.json");

    @BeforeAll
    static void blstLoads() {
        // jblst bundles blst for linux/mac/windows on amd64 and aarch64: our supported platforms must load it.
        assertTrue(Bls.available(), "BLS unavailable: " + Bls.unavailableReason());
        assertEquals(VECTORS.get("dst").asText(), Bls.DST);
    }

    @Test
    void lotusPotatoVectorVerifiesAndItsTamperedFormsDoNot() {
        JsonNode v = VECTORS.get("verifyOnly").get(0);
        byte[] signature = Vectors.hex(v, "signature");
        byte[] message = Vectors.hex(v, "message");
        byte[] publicKey = Vectors.hex(v, "publicKey");
        Address address = Address.parse(v.get("address").asText());
        assertArrayEquals(publicKey, address.payload());
        assertTrue(Bls.verify(signature, message, publicKey));

        byte[] flipped = signature.clone();
        flipped[39] ^= 0x10;
        assertFalse(Bls.verify(flipped, message, publicKey));
        assertFalse(Bls.verify(Arrays.copyOf(signature, 97), message, publicKey), "an appended byte");
        assertFalse(Bls.verify(signature, "potatoes".getBytes(StandardCharsets.UTF_8), publicKey));
        assertTrue(SignatureVerifier.isValid(new Signature(SignatureType.BLS, signature), message, address));
    }

    @Test
    void littleEndianPrivateKeysGiveTheRecordedPublicKeysAndAddresses() {
        for (JsonNode v : VECTORS.get("keys")) {
            byte[] publicKey = Bls.publicKey(Vectors.hex(v, "privateKeyLE"));
            if (v.has("publicKey")) {
                assertEquals(v.get("publicKey").asText(), HEX.formatHex(publicKey));
            }
            if (v.has("address")) {
                assertEquals(Address.parse(v.get("address").asText()), Address.bls(publicKey));
            }
        }
    }

    @Test
    void signaturesFromLotusAndZondaxAreReproducedAndVerify() {
        for (JsonNode v : VECTORS.get("signatures")) {
            byte[] privateKey = Vectors.hex(v, "privateKeyLE");
            byte[] message = Vectors.hex(v, "message");
            byte[] signature = Bls.sign(privateKey, message);
            assertEquals(v.get("signature").asText(), HEX.formatHex(signature), "BLS signing is deterministic");
            Address signer = Address.bls(Bls.publicKey(privateKey));
            if (v.has("signer")) {
                assertEquals(Address.parse(v.get("signer").asText()), signer);
            }
            assertTrue(Bls.verify(signature, message, signer.payload()));
        }
    }

    @Test
    void generatedKeysSignAndVerify() {
        byte[] privateKey = Bls.generatePrivateKey(new SecureRandom());
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Bls.sign(privateKey, message);
        assertEquals(Bls.SIGNATURE_BYTES, signature.length);
        assertTrue(Bls.verify(signature, message, Bls.publicKey(privateKey)));
        assertFalse(Bls.verify(signature, message, Bls.publicKey(Bls.generatePrivateKey(new SecureRandom()))));
    }

    @Test
    void malformedKeysAndPointsAreRefused() {
        byte[] message = new byte[0];
        byte[] signature = Vectors.hex(VECTORS.get("verifyOnly").get(0), "signature");
        byte[] infinity = new byte[48];
        infinity[0] = (byte) 0xC0;
        assertFalse(Bls.verify(signature, message, infinity), "identity public key");
        assertFalse(Bls.verify(signature, message, new byte[48]), "uncompressed flag missing");
        assertFalse(Bls.verify(new byte[96], message, Address.parse(VECTORS.get("verifyOnly").get(0).get("address").asText()).payload()));
        assertThrows(IllegalArgumentException.class, () -> Bls.publicKey(new byte[32]), "zero scalar");
        byte[] order = HEX.parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
        byte[] orderLittleEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            orderLittleEndian[i] = order[31 - i];
        }
        assertThrows(IllegalArgumentException.class, () -> Bls.publicKey(orderLittleEndian), "scalar = r");
    }
}
