package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granary.interop.NodeScript;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.granary.filecoin.Vectors.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-checks against noble (interop/filecoin-*.mjs): an implementation written independently of ours, so a
 * shared misreading of the spec would have to be made twice to pass.
 */
class FilecoinInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SECP_CASES = 200;
    private static final int BLS_CASES = 25;

    @Test
    void secp256k1SignaturesAndAddressesAgreeWithNoble() throws Exception {
        Random random = new SecureRandom();
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        keys.add(HEX.parseHex("f15716d3b003b304b8055d9cc62e6b9c869d56cc930c3858d4d7c31f5f53f14a"));
        messages.add(HEX.parseHex("0171a0e40220e90f3daa7e7f73cbc3d708f6d39f3a5eddba82743776a85c3743f39843b71aeb"));
        while (keys.size() < SECP_CASES) {
            keys.add(Secp256k1.generatePrivateKey(new SecureRandom()));
            byte[] message = new byte[random.nextInt(200)];
            random.nextBytes(message);
            messages.add(message);
        }
        ArrayNode cases = JSON.createArrayNode();
        for (int i = 0; i < keys.size(); i++) {
            byte[] publicKey = Secp256k1.publicKey(keys.get(i));
            cases.addObject()
                    .put("privateKey", HEX.formatHex(keys.get(i)))
                    .put("message", HEX.formatHex(messages.get(i)))
                    .put("javaSignature", HEX.formatHex(Secp256k1.sign(keys.get(i), messages.get(i))))
                    .put("javaAddress", Address.secp256k1(publicKey).toString())
                    .put("javaDelegatedSignature", HEX.formatHex(DelegatedSignatures.sign(keys.get(i), messages.get(i))))
                    .put("javaF410", DelegatedSignatures.address(publicKey).toString());
        }
        JsonNode results = run("filecoin-secp.mjs", JSON.createObjectNode().set("cases", cases)).get("results");

        assertEquals(SECP_CASES, results.size());
        for (int i = 0; i < SECP_CASES; i++) {
            JsonNode sent = cases.get(i);
            JsonNode r = results.get(i);
            String where = "case " + i + " key " + sent.get("privateKey").asText();
            assertEquals(HEX.formatHex(Secp256k1.publicKey(keys.get(i))), r.get("publicKey").asText(), where);
            assertTrue(r.get("javaSignatureRecovers").asBoolean(), where);
            assertTrue(r.get("javaSignatureVerifies").asBoolean(), where);
            assertTrue(r.get("javaDelegatedRecovers").asBoolean(), where);
            assertTrue(r.get("addressMatches").asBoolean(), where + ": noble says " + r.get("nobleAddress").asText());
            assertTrue(r.get("f410Matches").asBoolean(), where + ": noble says " + r.get("nobleF410").asText());
            // both sides use RFC 6979 with HMAC-SHA256 and low-S, so the bytes must be identical
            assertEquals(sent.get("javaSignature").asText(), r.get("nobleSignature").asText(), where);
            assertEquals(sent.get("javaDelegatedSignature").asText(), r.get("nobleDelegatedSignature").asText(), where);

            Address f1 = Address.parse(r.get("nobleAddress").asText());
            Address f410 = Address.parse(r.get("nobleF410").asText());
            assertTrue(SignatureVerifier.isValid(signature(SignatureType.SECP256K1, r, "nobleSignature"), messages.get(i), f1), where);
            assertTrue(SignatureVerifier.isValid(signature(SignatureType.DELEGATED, r, "nobleDelegatedSignature"), messages.get(i), f410), where);
        }
        assertEquals("9c5b9323b331117a934344269904e6a9b52c3597c715794d8f3facbac5439009354ab4427492b1955659acce2f52d54149882d3087a280d7e9a9d2862058685900",
                results.get(0).get("nobleSignature").asText(), "noble reproduces the Zondax vector too");
    }

    @Test
    void blsKeysAndSignaturesAgreeWithNobleUnderFilecoinsDst() throws Exception {
        JsonNode vectors = Vectors.load("bls.json");
        Random random = new SecureRandom();
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        for (JsonNode v : vectors.get("signatures")) {
            keys.add(Vectors.hex(v, "privateKeyLE"));
            messages.add(Vectors.hex(v, "message"));
        }
        while (keys.size() < BLS_CASES) {
            keys.add(Bls.generatePrivateKey(new SecureRandom()));
            byte[] message = new byte[random.nextInt(200)];
            random.nextBytes(message);
            messages.add(message);
        }
        ArrayNode cases = JSON.createArrayNode();
        for (int i = 0; i < keys.size(); i++) {
            cases.addObject()
                    .put("privateKeyLE", HEX.formatHex(keys.get(i)))
                    .put("message", HEX.formatHex(messages.get(i)))
                    .put("javaPublicKey", HEX.formatHex(Bls.publicKey(keys.get(i))))
                    .put("javaSignature", HEX.formatHex(Bls.sign(keys.get(i), messages.get(i))));
        }
        ObjectNode input = JSON.createObjectNode().put("dst", Bls.DST);
        input.set("cases", cases);
        input.set("verifyOnly", vectors.get("verifyOnly"));
        JsonNode answer = run("filecoin-bls.mjs", input);

        for (int i = 0; i < keys.size(); i++) {
            JsonNode r = answer.get("results").get(i);
            String where = "case " + i;
            assertEquals(cases.get(i).get("javaPublicKey").asText(), r.get("publicKey").asText(), where);
            assertEquals(cases.get(i).get("javaSignature").asText(), r.get("nobleSignature").asText(), where);
            assertTrue(r.get("javaSignatureVerifies").asBoolean(), where);
            Address signer = Address.bls(HEX.parseHex(r.get("publicKey").asText()));
            assertTrue(SignatureVerifier.isValid(signature(SignatureType.BLS, r, "nobleSignature"), messages.get(i), signer), where);
        }
        answer.get("verifyOnly").forEach(ok -> assertTrue(ok.asBoolean(), "noble verifies the Lotus vector with " + Bls.DST));
    }

    private static Signature signature(SignatureType type, JsonNode result, String field) {
        return new Signature(type, HEX.parseHex(result.get(field).asText()));
    }

    private static JsonNode run(String script, JsonNode input) throws Exception {
        return JSON.readTree(NodeScript.run(script, JSON.writeValueAsString(input)));
    }
}
