package dev.granary.chain.actor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.granary.chain.actor.ActorVectors.HEX;
import static dev.granary.chain.actor.ActorVectors.hex;
import static dev.granary.chain.actor.ActorVectors.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RLE+ against go-bitfield's and ref-fvm's vectors (src/test/resources/chain/actor/bitfield-vectors.json). */
class BitFieldVectorsTest {
    private static final JsonNode VECTORS = ActorVectors.load("/chain/actor/bitfield-vectors.json");

    @Test
    void publishedEncodingsDecodeToTheirSetsAndBack() {
        for (JsonNode v : VECTORS.get("encodings")) {
            String name = v.get("name").asText();
            BitField expected = BitField.of(longs(v.get("set")));
            assertEquals(expected, BitField.decode(hex(v, "hex")), name);
            assertArrayEquals(hex(v, "hex"), expected.encode(), name);
            if (v.has("cbor")) {
                assertArrayEquals(hex(v, "cbor"), Cbor.encode(BitField.CODEC, expected), name);
                assertEquals(expected, Cbor.decode(BitField.CODEC, hex(v, "cbor")), name);
            }
        }
    }

    @Test
    void goldenEncodingRoundTripsAndAgreesWithTheReferenceDecoder() {
        byte[] golden = hex(VECTORS.get("golden"), "hex");
        BitField decoded = BitField.decode(golden);
        assertArrayEquals(golden, decoded.encode());
        var reference = ReferenceRle.decode(golden);
        assertNotNull(reference, "the reference decoder accepts the golden encoding");
        assertEquals(ReferenceRle.toBitField(reference), decoded);
        assertTrue(decoded.count() > 9_000 && decoded.count() <= 10_000, "the generator drew 10000 values, a few twice");
        assertTrue(decoded.last().orElseThrow() < 1 << 20, "values were drawn below 2^20");
    }

    @Test
    void refFvmTableIsAcceptedAndRefusedLikeTheActors() {
        for (JsonNode v : VECTORS.get("fvmTable").get("cases")) {
            String name = v.get("bits").asText() + " (" + v.get("fvm").asText() + ")";
            byte[] bytes = hex(v, "hex");
            if (v.get("accept").asBoolean()) {
                BitField decoded = BitField.decode(bytes);
                assertEquals(BitField.of(longs(v.get("set"))), decoded, name);
                assertArrayEquals(bytes, decoded.encode(), name);
            } else {
                assertThrows(BitFieldFormatException.class, () -> BitField.decode(bytes), name);
            }
            assertEquals(v.get("accept").asBoolean(), ReferenceRle.decode(bytes) != null, "reference decoder on " + name);
        }
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertProblem("08", "ends with a run of unset bits"); // go-bitfield reads it as the empty set
        assertProblem("0100", "last byte is zero");
        assertProblem("01", "unsupported RLE+ version 1");
        assertProblem("2c04", "a run of 0 in a short block"); // go-bitfield stops at the empty run and accepts {0}
        assertProblem("0c0001", "a run of 0 in a long block");
        assertProblem("34", "a run of 1 in a short block");
        assertProblem("041010101010101010101030", "longer than 10 bytes");
        assertProblem("e4ffffffffffffffff5f20", "overflows 64 bits");
        assertProblem("041220", "is not minimal"); // 16 as the varint 90 00
    }

    @Test
    void sizeAndRunLimitsAreEnforcedBeforeDecoding() {
        byte[] big = new byte[BitField.MAX_ENCODED_BYTES + 1];
        Arrays.fill(big, (byte) 0xFF);
        BitFieldFormatException tooBig = assertThrows(BitFieldFormatException.class, () -> BitField.decode(big));
        assertTrue(tooBig.getMessage().contains("32769 bytes over the 32768-byte limit"), tooBig.getMessage());

        byte[] manyRuns = BitField.of(0, 2, 4, 6, 8, 10).encode();
        BitFieldFormatException runs = assertThrows(BitFieldFormatException.class,
                () -> BitField.decode(manyRuns, BitField.MAX_ENCODED_BYTES, 10));
        assertTrue(runs.getMessage().contains("more than 10 runs"), runs.getMessage());
        assertEquals(6, BitField.decode(manyRuns, BitField.MAX_ENCODED_BYTES, 11).count());
    }

    @Test
    void valuesPastTheLongRangeAreRefusedEvenWhereTheActorsAcceptThem() {
        // ref-fvm's iter_last vector: 2^64-2 set bits, fine for the actors' u64 bitfield, not for ours
        BitFieldFormatException e = assertThrows(BitFieldFormatException.class,
                () -> BitField.decode(HEX.parseHex("e4ffffffffffffffff2fffffffffffffffff7f")));
        assertTrue(e.getMessage().contains("past 9223372036854775807 bits"), e.getMessage());
        BitField top = BitField.of(BitField.MAX_VALUE);
        assertEquals(top, BitField.decode(top.encode()));
    }

    @Test
    void cborDecodingNamesTheBitfieldAndItsProblem() {
        CborDecodeException bad = assertThrows(CborDecodeException.class, () -> Cbor.decode(BitField.CODEC, HEX.parseHex("420100")));
        assertTrue(bad.problem().contains("invalid bitfield: not minimally encoded"), bad.getMessage());
        CborDecodeException huge = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(BitField.CODEC, HEX.parseHex("598001")));
        assertTrue(huge.problem().contains("over the 32768-byte limit"), huge.getMessage());
        assertThrows(CborDecodeException.class, () -> Cbor.decode(BitField.CODEC, HEX.parseHex("8100")));
    }

    /** Lotus' JSON form (go-bitfield RLE.MarshalJSON): {0, 1, 2, 8, 9} is [0, 3, 5, 2]. */
    @Test
    void runLengthsMatchLotusJsonForm() {
        BitField set = BitField.of(0, 1, 2, 8, 9);
        assertArrayEquals(new long[] {0, 3, 5, 2}, set.runs());
        assertEquals(set, BitField.fromRuns(0, 3, 5, 2));
        assertEquals(BitField.of(3, 4), BitField.fromRuns(3, 2, 7), "a trailing unset run is dropped");
        assertArrayEquals(new long[] {0}, BitField.EMPTY.runs());
        assertEquals(BitField.EMPTY, BitField.fromRuns(0));
        assertThrows(IllegalArgumentException.class, () -> BitField.fromRuns(1, 0, 2), "only the first run may be empty");
    }

    @Test
    void valuesOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BitField.of(-1));
        assertThrows(IllegalArgumentException.class, () -> BitField.of(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> BitField.range(5, 4));
    }

    @Test
    void queriesAndToString() {
        BitField set = BitField.of(9, 0, 1, 2, 8, 2, 100);
        assertEquals(6, set.count());
        assertTrue(set.contains(0) && set.contains(2) && set.contains(100));
        assertFalse(set.contains(3) || set.contains(7) || set.contains(99) || set.contains(101) || set.contains(-1));
        assertArrayEquals(new long[] {0, 1, 2, 8, 9, 100}, set.values());
        assertEquals("{0-2, 8, 9, 100}", set.toString());
        assertEquals(3, set.rangeCount());
        assertEquals(0, set.first().orElseThrow());
        assertEquals(100, set.last().orElseThrow());
        assertTrue(BitField.EMPTY.first().isEmpty());
        BitField huge = BitField.range(0, BitField.MAX_VALUE + 1);
        assertEquals(BitField.MAX_VALUE + 1, huge.count());
        assertThrows(IllegalStateException.class, huge::values);
        assertEquals(3, huge.stream().limit(3).count());
    }

    private static void assertProblem(String hex, String problem) {
        BitFieldFormatException e = assertThrows(BitFieldFormatException.class, () -> BitField.decode(HEX.parseHex(hex)), hex);
        assertTrue(e.getMessage().contains(problem), hex + ": " + e.getMessage());
    }
}
