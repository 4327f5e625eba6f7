package dev.granary.ipld.cbor;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every line of vectors/cbor/rejections.txt is refused with a CborDecodeException saying why and where. */
class CborRejectionTest {

    @TestFactory
    List<DynamicTest> rejectionVectors() {
        return VectorFile.read("rejections.txt", 4).stream()
                .map(line -> DynamicTest.dynamicTest("line " + line.number() + ": " + line.column(2), () -> {
                    byte[] input = line.hex(1);
                    CborDecodeException e = assertThrows(CborDecodeException.class,
                            () -> Entries.decode(line.column(0), input), () -> "accepted " + line.column(1));
                    assertTrue(e.getMessage().contains(line.column(2)),
                            () -> "message \"" + e.getMessage() + "\" lacks \"" + line.column(2) + "\"");
                }))
                .toList();
    }

    @Test
    void depthBombsStopAtTheLimit() {
        byte[] arrays = new byte[100_001];
        Arrays.fill(arrays, (byte) 0x81);
        arrays[100_000] = 0;
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Entries.decode("value", arrays));
        assertEquals("nested deeper than 64 levels", e.problem());
        assertEquals(64, e.offset());
        assertThrows(CborDecodeException.class, () -> Entries.decode("skip", arrays));

        byte[] maps = new byte[100_001];
        for (int i = 0; i < 100_000; i += 2) {
            maps[i] = (byte) 0xa1; // {"": {"": ...
            maps[i + 1] = 0x60;
        }
        assertEquals("nested deeper than 64 levels",
                assertThrows(CborDecodeException.class, () -> Entries.decode("transfer", maps)).problem());
    }

    @Test
    void nestingUpToTheLimitIsFine() {
        byte[] deepest = new byte[65];
        Arrays.fill(deepest, 0, 64, (byte) 0x81);
        assertEquals(new CborValue.Int(java.math.BigInteger.ZERO), unwrap(Entries.decode("value", deepest), 64));
        byte[] tooDeep = new byte[66];
        Arrays.fill(tooDeep, 0, 65, (byte) 0x81);
        assertThrows(CborDecodeException.class, () -> Entries.decode("value", tooDeep));
    }

    private static Object unwrap(Object value, int levels) {
        for (int i = 0; i < levels; i++) {
            value = ((CborValue.Array) value).items().getFirst();
        }
        return value;
    }

    @Test
    void pathNamesNestedStructsAndListIndexes() {
        byte[] psd = VectorFile.read("filecoin-messages.txt", 2).stream()
                .filter(line -> line.column(0).equals("psd-invalid-utf8-label")).findFirst().orElseThrow().hex(1);
        CborDecodeException e = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(FilecoinMessagesTest.PUBLISH_STORAGE_DEALS, psd));
        assertEquals("PublishStorageDealsParams.Deals[0] > ClientDealProposal.Proposal > DealProposal.Label: "
                + "text string is not valid UTF-8 at byte 116", e.getMessage());
        assertEquals("PublishStorageDealsParams.Deals[0] > ClientDealProposal.Proposal > DealProposal.Label", e.path());
        assertEquals(116, e.offset());
    }

    @Test
    void valueTypeRefusalsBecomeDecodeExceptionsAtTheField() {
        CborCodec<String> picky = CborCodec.of((w, v) -> w.writeText(v), r -> r.readTuple("Picky", List.of("Name"), in -> {
            String name = in.readText();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
            return name;
        }));
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(picky, HexFormat.of().parseHex("8160")));
        assertEquals("Picky.Name: name must not be empty at byte 1", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException);
    }

    @Test
    void codecMistakesAreIllegalStateNotInputErrors() {
        byte[] twoItems = HexFormat.of().parseHex("820102");
        CborCodec<Long> readsOne = Entries.reading(r -> r.readTuple("Pair", List.of("A", "B"), CborReader::readUint64));
        assertThrows(IllegalStateException.class, () -> Cbor.decode(readsOne, twoItems));
        CborCodec<Long> readsThree = Entries.reading(r -> r.readTuple("Pair", List.of("A", "B"),
                in -> in.readUint64() + in.readUint64() + in.readUint64()));
        assertThrows(IllegalStateException.class, () -> Cbor.decode(readsThree, twoItems));
        CborCodec<Long> ignoresValue = Entries.reading(r -> {
            CborMapReader m = r.readMapStruct("M", java.util.Set.of("a"));
            m.next();
            m.next();
            return 0L;
        });
        assertThrows(IllegalStateException.class, () -> Cbor.decode(ignoresValue, HexFormat.of().parseHex("a1616100")));
    }
}
