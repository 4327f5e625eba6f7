package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static dev.granary.filecoin.Vectors.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** go-address's vectors (and the few the spec adds), both directions, plus every rejection case. */
class AddressVectorsTest {
    private static final JsonNode VECTORS = Vectors.load("addresses.json");

    @TestFactory
    Stream<DynamicTest> validTextAndBytesConvertBothWays() {
        return entries("valid").map(v -> dynamicTest(v.get("text").asText(), () -> {
            String text = v.get("text").asText();
            byte[] bytes = Vectors.hex(v, "hex");
            Network network = text.charAt(0) == 'f' ? Network.MAINNET : Network.TESTNET;

            Address parsed = Address.parse(text);
            assertEquals(v.get("hex").asText(), HEX.formatHex(parsed.bytes()));
            assertEquals(v.get("protocol").asInt(), parsed.protocol().code());
            assertEquals(network, parsed.writtenWith().orElseThrow());

            Address fromBytes = Address.fromBytes(bytes);
            assertEquals(parsed, fromBytes);
            assertEquals(text, fromBytes.format(network));
            assertEquals("f" + text.substring(1), fromBytes.toString());
            assertEquals(parsed.hashCode(), fromBytes.hashCode());
            assertEquals(parsed, built(v), "the constructor from the underlying key, data or ID");
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidTextIsRejected() {
        return entries("invalidStrings").map(v -> dynamicTest(v.get("why").asText() + ": " + v.get("text").asText(), () -> {
            AddressFormatException e = assertThrows(AddressFormatException.class, () -> Address.parse(v.get("text").asText()));
            assertTrue(e.getMessage().length() > 10, "a message that says what is wrong: " + e.getMessage());
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidBytesAreRejected() {
        return entries("invalidBytes").map(v -> dynamicTest(v.get("why").asText() + ": " + v.get("hex").asText(), () ->
                assertThrows(AddressFormatException.class, () -> Address.fromBytes(Vectors.hex(v, "hex")))));
    }

    @Test
    void vectorCountsMatchTheSources() {
        assertEquals(44, entries("valid").count());
        assertEquals(25, entries("invalidStrings").count());
        assertEquals(12, entries("invalidBytes").count());
    }

    @Test
    void testnetAndMainnetSpellingsAreTheSameAddress() {
        Address testnet = Address.parse("t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq");
        Address mainnet = Address.parse("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq");
        assertEquals(testnet, mainnet);
        assertEquals("t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq", mainnet.format(Network.TESTNET));
        assertEquals(Network.TESTNET, testnet.writtenWith().orElseThrow());
        assertEquals("303ef1c6", HEX.formatHex(testnet.checksum()));
    }

    @Test
    void accessorsReadThePayload() {
        assertEquals(Long.MAX_VALUE, Address.parse("f09223372036854775807").id());
        Address eth = Address.parse("f410fkkld55ioe7qg24wvt7fu6pbknb56ht7pt4zamxa");
        assertEquals(10, eth.namespace());
        assertArrayEquals(HEX.parseHex("52963ef50e27e06d72d59fcb4f3c2a687be3cfef"), eth.subaddress());
        assertEquals(Address.ethereum(HEX.parseHex("52963ef50e27e06d72d59fcb4f3c2a687be3cfef")), eth);
    }

    @Test
    void nonCanonicalDecimalIsRejected() {
        List<String> texts = new ArrayList<>(List.of("f001", "f0+1", "f0-1", "f4010f77777777x32lpna", "f4f77777777x32lpna", "f432"));
        texts.forEach(text -> assertThrows(AddressFormatException.class, () -> Address.parse(text), text));
        assertThrows(AddressFormatException.class, () -> Address.parse(null));
        assertThrows(AddressFormatException.class, () -> Address.fromBytes(new byte[0]));
        assertThrows(AddressFormatException.class, () -> Address.id(-1));
        assertThrows(AddressFormatException.class, () -> Address.delegated(1, new byte[55]));
        assertThrows(AddressFormatException.class, () -> Address.bls(new byte[47]));
        assertThrows(AddressFormatException.class, () -> Address.secp256k1(new byte[64]));
    }

    private static Address built(JsonNode v) {
        return switch (v.get("protocol").asInt()) {
            case 0 -> Address.id(Long.parseLong(v.get("id").asText()));
            case 1 -> v.has("publicKey") ? Address.secp256k1(Vectors.hex(v, "publicKey")) : Address.fromBytes(Vectors.hex(v, "hex"));
            case 2 -> Address.actor(Vectors.hex(v, "creationData"));
            case 3 -> Address.bls(Vectors.hex(v, "publicKey"));
            case 4 -> Address.delegated(Long.parseLong(v.get("namespace").asText()), Vectors.hex(v, "subaddress"));
            default -> throw new AssertionError("protocol " + v.get("protocol"));
        };
    }

    private static Stream<JsonNode> entries(String list) {
        return StreamSupport.stream(VECTORS.get(list).spliterator(), false);
    }
}
