package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
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

class Secp256k1Test {
    private static final JsonNode VECTORS = Vectors.load("secp256k1.json");

    @Test
    void zondaxSignedMessageIsReproducedByteForByte() {
        for (JsonNode v : VECTORS.get("messages")) {
            byte[] privateKey = Vectors.hex(v, "privateKey");
            byte[] message = Vectors.hex(v, "message");
            assertEquals(v.get("publicKey").asText(), HEX.formatHex(Secp256k1.publicKey(privateKey)));
            Address address = Address.secp256k1(Secp256k1.publicKey(privateKey));
            assertEquals(v.get("address").asText(), address.format(Network.TESTNET));
            assertEquals(v.get("addressHex").asText(), address.toHex());
            assertEquals(v.get("digest").asText(), HEX.formatHex(Digests.blake2b256(message)));

            byte[] signature = Secp256k1.sign(privateKey, message);
            assertEquals(v.get("signature").asText(), HEX.formatHex(signature));
            assertArrayEquals(Secp256k1.publicKey(privateKey), Secp256k1.recover(signature, message));
            assertTrue(Secp256k1.verify(signature, message, Address.parse(v.get("address").asText())));
        }
    }

    @Test
    void theSignedBytesAreTheMessageCidOfTheCbor() {
        JsonNode v = VECTORS.get("messages").get(0);
        byte[] cid = Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, Digests.blake2b256(Vectors.hex(v, "messageCbor")))).bytes();
        assertEquals(v.get("message").asText(), HEX.formatHex(cid));
    }

    @Test
    void tamperingBreaksVerification() {
        JsonNode v = VECTORS.get("messages").get(0);
        byte[] signature = Vectors.hex(v, "signature");
        byte[] message = Vectors.hex(v, "message");
        Address signer = Address.parse(v.get("address").asText());

        byte[] otherMessage = message.clone();
        otherMessage[10] ^= 1;
        assertFalse(Secp256k1.verify(signature, otherMessage, signer));
        byte[] flipped = signature.clone();
        flipped[5] ^= 1;
        assertFalse(Secp256k1.verify(flipped, message, signer));
        byte[] otherV = signature.clone();
        otherV[64] = 1;
        assertFalse(Secp256k1.verify(otherV, message, signer));
        assertFalse(Secp256k1.verify(signature, message, Address.parse("f17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy")));
        assertFalse(Secp256k1.verify(signature, message, Address.id(1)));
    }

    @Test
    void malformedSignaturesAreFormatErrors() {
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertThrows(SignatureFormatException.class, () -> Secp256k1.recover(new byte[64], message));
        assertThrows(SignatureFormatException.class, () -> Secp256k1.recover(new byte[65], message), "r = s = 0");
        byte[] badV = Secp256k1.sign(Secp256k1.generatePrivateKey(new SecureRandom()), message);
        badV[64] = 27;
        assertThrows(SignatureFormatException.class, () -> Secp256k1.recover(badV, message), "Ethereum-style v is not Filecoin's");
        byte[] allOnes = new byte[65];
        Arrays.fill(allOnes, 0, 64, (byte) 0xFF);
        assertThrows(SignatureFormatException.class, () -> Secp256k1.recover(allOnes, message), "r, s >= n");
    }

    @Test
    void privateKeysOutsideTheGroupAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.publicKey(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.publicKey(new byte[31]));
        byte[] n = HEX.parseHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.sign(n, new byte[0]));
    }

    @Test
    void ethereumAddressesOfKnownKeys() {
        for (JsonNode v : VECTORS.get("ethereum")) {
            Address address = DelegatedSignatures.address(Secp256k1.publicKey(Vectors.hex(v, "privateKey")));
            assertEquals(v.get("ethereumAddress").asText(), HEX.formatHex(address.subaddress()));
            assertEquals(Address.ETHEREUM_NAMESPACE, address.namespace());
        }
    }

    @Test
    void delegatedSignaturesVerifyAgainstTheF410Address() {
        byte[] privateKey = Vectors.hex(VECTORS.get("ethereum").get(0), "privateKey");
        Address signer = DelegatedSignatures.address(Secp256k1.publicKey(privateKey));
        byte[] message = "deal proposal bytes".getBytes(StandardCharsets.UTF_8);
        byte[] signature = DelegatedSignatures.sign(privateKey, message);
        assertTrue(DelegatedSignatures.verify(signature, message, signer));
        assertFalse(DelegatedSignatures.verify(signature, "other".getBytes(StandardCharsets.UTF_8), signer));
        assertFalse(Secp256k1.verify(signature, message, Address.secp256k1(Secp256k1.publicKey(privateKey))),
                "a keccak signature is not a blake2b one");
        assertFalse(DelegatedSignatures.verify(signature, message, Address.delegated(32, signer.subaddress())));
    }
}
