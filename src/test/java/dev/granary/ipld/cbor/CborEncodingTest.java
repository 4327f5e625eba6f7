package dev.granary.ipld.cbor;

import dev.granary.ipld.Cid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Byte-exact output at every header-size boundary, and each vector read back to the value it came from. */
class CborEncodingTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Cid PIECE_CID = Cid.parse("baga6ea4seaqhwcjhi4krhl3ht6dewnwevkpxbepxy7p7onwgz65t52typbsysby");

    private static byte[] write(Consumer<CborWriter> body) {
        CborWriter writer = new CborWriter();
        body.accept(writer);
        return writer.toBytes();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00", "1, 01", "23, 17", "24, 1818", "255, 18ff", "256, 190100", "65535, 19ffff", "65536, 1a00010000",
        "4294967295, 1affffffff", "4294967296, 1b0000000100000000", "9223372036854775807, 1b7fffffffffffffff",
        "9223372036854775808, 1b8000000000000000", "18446744073709551615, 1bffffffffffffffff",
        "-1, 20", "-24, 37", "-25, 3818", "-256, 38ff", "-257, 390100", "-65536, 39ffff", "-65537, 3a00010000",
        "-4294967296, 3affffffff", "-4294967297, 3b0000000100000000", "-9223372036854775808, 3b7fffffffffffffff",
        "-9223372036854775809, 3b8000000000000000", "-18446744073709551616, 3bffffffffffffffff",
    })
    void integersUseTheShortestHeader(String decimal, String hex) {
        BigInteger value = new BigInteger(decimal);
        byte[] bytes = write(w -> w.writeInteger(value));
        assertEquals(hex, HEX.formatHex(bytes));
        assertEquals(value, Cbor.decode(Entries.reading(CborReader::readInteger), bytes));
        if (value.signum() >= 0) {
            assertEquals(hex, HEX.formatHex(write(w -> w.writeUint64(value.longValue()))), "uint64 path");
            assertEquals(value.longValue(), Cbor.decode(Entries.reading(CborReader::readUint64), bytes));
        }
        if (value.bitLength() <= 63) {
            assertEquals(hex, HEX.formatHex(write(w -> w.writeInt64(value.longValueExact()))), "int64 path");
            assertEquals(value.longValueExact(), Cbor.decode(Entries.reading(CborReader::readInt64), bytes));
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 40, 60", "23, 57, 77", "24, 5818, 7818", "255, 58ff, 78ff", "256, 590100, 790100",
        "65535, 59ffff, 79ffff", "65536, 5a00010000, 7a00010000"})
    void stringLengthsUseTheShortestHeader(int length, String bytesHeader, String textHeader) {
        byte[] content = new byte[length];
        Arrays.fill(content, (byte) 'x');
        CborLimits roomy = new CborLimits(1 << 20, 1 << 20, 8192, 64);

        byte[] bytes = write(w -> w.writeBytes(content));
        assertEquals(bytesHeader, HEX.formatHex(bytes, 0, bytes.length - length));
        assertArrayEquals(content, Cbor.decode(Entries.reading(CborReader::readBytes), bytes, roomy));

        String text = new String(content, StandardCharsets.US_ASCII);
        byte[] encoded = write(w -> w.writeText(text));
        assertEquals(textHeader, HEX.formatHex(encoded, 0, encoded.length - length));
        assertEquals(text, Cbor.decode(Entries.reading(CborReader::readText), encoded, roomy));
    }

    @ParameterizedTest
    @CsvSource({"0, 80, a0", "23, 97, b7", "24, 9818, b818", "255, 98ff, b8ff", "256, 990100, b90100",
        "65535, 99ffff, b9ffff", "65536, 9a00010000, ba00010000"})
    void collectionSizesUseTheShortestHeader(int size, String arrayHeader, String mapHeader) {
        byte[] array = write(w -> {
            w.writeArrayHeader(size);
            for (int i = 0; i < size; i++) {
                w.writeNull();
            }
        });
        assertEquals(arrayHeader, HEX.formatHex(array, 0, array.length - size));
        int items = Cbor.decode(Entries.reading(r -> r.readArray(70_000, item -> {
            item.readNull();
            return 0;
        }).size()), array);
        assertEquals(size, items);

        List<String> keys = canonicalKeys(size);
        byte[] map = write(w -> {
            w.writeMapHeader(size);
            keys.forEach(key -> w.writeText(key).writeBool(true));
        });
        assertEquals(mapHeader, HEX.formatHex(map, 0, mapHeader.length() / 2));
        int entries = Cbor.decode(Entries.reading(r -> {
            int count = r.readMapHeader(70_000);
            for (int i = 0; i < count; i++) {
                r.readText();
                r.readBool();
            }
            return count;
        }), map);
        assertEquals(size, entries);
    }

    private static List<String> canonicalKeys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(Integer.toString(i, 36));
        }
        keys.sort((a, b) -> KeyOrder.compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        return keys;
    }

    @ParameterizedTest
    @CsvSource({
        "0, 40", "1, 420001", "-1, 420101", "10, 42000a", "100000, 44000186a0", "1100000000000, 470001001d1bf800",
        "1000000000000000, 4800038d7ea4c68000", "18446744073709551616, 4a00010000000000000000",
        "-18446744073709551616, 4a01010000000000000000", "255, 4200ff", "-256, 43010100",
    })
    void filecoinBigIntsAreSignAndMagnitude(String decimal, String hex) {
        BigInteger value = new BigInteger(decimal);
        byte[] bytes = write(w -> w.writeBigInt(value));
        assertEquals(hex, HEX.formatHex(bytes));
        assertEquals(value, Cbor.decode(Entries.reading(CborReader::readBigInt), bytes));
    }

    @Test
    void bigIntsStopAt128Bytes() {
        BigInteger largest = BigInteger.ONE.shiftLeft(127 * 8).subtract(BigInteger.ONE);
        byte[] bytes = write(w -> w.writeBigInt(largest.negate()));
        assertEquals("5880", HEX.formatHex(bytes, 0, 2));
        assertEquals(largest.negate(), Cbor.decode(Entries.reading(CborReader::readBigInt), bytes));
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeBigInt(largest.add(BigInteger.ONE))));
    }

    @Test
    void cidIsTag42OverZeroPrefixedBytes() {
        byte[] bytes = write(w -> w.writeCid(PIECE_CID));
        assertEquals("d82a582800" + HEX.formatHex(PIECE_CID.bytes()), HEX.formatHex(bytes));
        assertEquals("d82a5828000181e2039220207b0927471513af679f864b36c4aa9f7091f7c7dff736c6cfbb3eea7878658907",
                HEX.formatHex(bytes));
        assertEquals(PIECE_CID, Cbor.decode(Entries.reading(CborReader::readCid), bytes));
    }

    @Test
    void scalarsAndUtf8Text() {
        assertEquals("f4f5f6", HEX.formatHex(write(w -> w.writeArrayHeader(3).writeBool(false).writeBool(true).writeNull()), 1, 4));
        assertEquals("62c3a9", HEX.formatHex(write(w -> w.writeText("é"))));
        assertEquals("64f09f9880", HEX.formatHex(write(w -> w.writeText("😀"))));
        assertEquals("😀", Cbor.decode(Entries.reading(CborReader::readText), HEX.parseHex("64f09f9880")));
        assertEquals(1.5, Cbor.decode(Entries.reading(CborReader::readFloat64), HEX.parseHex("fb3ff8000000000000")));
    }

    @Test
    void fullWidthIntegersInsideContainersKeepTheCountsRight() {
        byte[] bytes = write(w -> w.writeArrayHeader(2).writeUint64(-1L).writeInteger(BigInteger.TWO.pow(64).negate()));
        assertEquals("821bffffffffffffffff3bffffffffffffffff", HEX.formatHex(bytes));
        byte[] nested = write(w -> w.writeArrayHeader(2).writeArrayHeader(1).writeUint64(Long.MIN_VALUE).writeNull());
        assertEquals("82811b8000000000000000f6", HEX.formatHex(nested));
    }

    @Test
    void mapStructKeysComeOutShorterFirstThenBytewise() {
        byte[] response = write(w -> w.writeMapStruct(m -> m
                .field("Accepted", x -> x.writeBool(true))
                .field("Message", x -> x.writeText(""))));
        assertEquals("a2674d65737361676560684163636570746564f5", HEX.formatHex(response), "boost.md §1.5 DealResponse");

        byte[] bytes = write(w -> w.writeMapStruct(m -> m
                .field("bb", x -> x.writeUint64(1))
                .field("a", x -> x.writeUint64(2))
                .field("ab", x -> x.writeUint64(3))
                .field("B", x -> x.writeUint64(4))
                .field("é", x -> x.writeUint64(5))));
        // "B" (0x42) < "a" (0x61), then the two-byte keys: "ab" < "bb" < "é" (c3 a9)
        assertEquals("a5" + "614204" + "616102" + "62616203" + "62626201" + "62c3a905", HEX.formatHex(bytes));
    }

    @Test
    void writerRefusesWhatWouldBeInvalid() {
        assertThrows(IllegalStateException.class, () -> write(w -> w.writeMapHeader(2).writeText("b").writeNull().writeText("a")));
        assertThrows(IllegalStateException.class, () -> write(w -> w.writeMapHeader(2).writeText("a").writeNull().writeText("a")));
        assertThrows(IllegalStateException.class, () -> write(w -> w.writeMapHeader(1).writeUint64(1)));
        assertThrows(IllegalStateException.class, () -> write(w -> w.writeNull().writeNull()));
        assertThrows(IllegalStateException.class, () -> write(w -> w.writeArrayHeader(2).writeNull()));
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeText("\uD800")));
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeInteger(BigInteger.TWO.pow(64))));
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeInteger(BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE))));
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeMapStruct(m -> m.field("a", CborWriter::writeNull).field("a", CborWriter::writeNull))));
    }

    @Test
    void longTextIsOneDefiniteLengthString() {
        String key = "k".repeat(5000);
        String value = "é".repeat(5000);
        byte[] bytes = write(w -> w.writeMapHeader(1).writeText(key).writeText(value));
        assertEquals("a1791388", HEX.formatHex(bytes, 0, 4));
        assertEquals("792710", HEX.formatHex(bytes, 4 + 5000, 4 + 5000 + 3));
        assertEquals(value, Cbor.decode(Entries.reading(r -> {
            r.readMapHeader();
            r.readText();
            return r.readText(10_000);
        }), bytes));
    }
}
