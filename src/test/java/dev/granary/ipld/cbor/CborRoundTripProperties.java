package dev.granary.ipld.cbor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** decode(encode(x)) == x, for the generic value model and for each typed read/write pair. */
class CborRoundTripProperties {

    @Property(tries = 3000)
    void genericValuesRoundTrip(@ForAll long seed) {
        CborValue value = new RandomCbor(seed).value(4);
        byte[] bytes = Cbor.encode(CborValueCodec.INSTANCE, value);
        CborValue read = Cbor.decode(CborValueCodec.INSTANCE, bytes);
        assertEquals(CborValue.asRead(value), read);
        assertArrayEquals(bytes, Cbor.encode(CborValueCodec.INSTANCE, read), "writing what was read changes nothing");
    }

    @Property
    void uint64RoundTrips(@ForAll long bits) {
        assertEquals(bits, (long) Cbor.decode(Entries.reading(CborReader::readUint64),
                Cbor.encode(CborCodec.of(CborWriter::writeUint64, CborReader::readUint64), bits)));
    }

    @Property
    void int64RoundTrips(@ForAll long value) {
        assertEquals(value, (long) Cbor.decode(Entries.reading(CborReader::readInt64),
                Cbor.encode(CborCodec.of(CborWriter::writeInt64, CborReader::readInt64), value)));
    }

    @Property
    void anyCborIntegerRoundTrips(
            @ForAll @BigRange(min = "-18446744073709551616", max = "18446744073709551615") BigInteger value) {
        byte[] bytes = Cbor.encode(CborCodec.of(CborWriter::writeInteger, CborReader::readInteger), value);
        assertEquals(value, Cbor.decode(Entries.reading(CborReader::readInteger), bytes));
    }

    @Property
    void filecoinBigIntsRoundTrip(@ForAll("bigInts") BigInteger value) {
        byte[] bytes = Cbor.encode(CborCodec.of(CborWriter::writeBigInt, CborReader::readBigInt), value);
        assertEquals(value, Cbor.decode(Entries.reading(CborReader::readBigInt), bytes));
    }

    @Provide
    Arbitrary<BigInteger> bigInts() {
        BigInteger limit = BigInteger.ONE.shiftLeft(127 * 8).subtract(BigInteger.ONE);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(limit.negate(), limit),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-300), BigInteger.valueOf(300)),
                Arbitraries.integers().between(0, 127 * 8 - 1).map(bits -> BigInteger.ONE.shiftLeft(bits)));
    }

    @Property
    void textRoundTripsWhenItIsUnicode(@ForAll String text) {
        CborCodec<String> codec = CborCodec.of(CborWriter::writeText, CborReader::readText);
        boolean wellFormed = StandardCharsets.UTF_8.newEncoder().canEncode(text);
        if (!wellFormed) {
            assertThrows(IllegalArgumentException.class, () -> Cbor.encode(codec, text));
            return;
        }
        byte[] bytes = Cbor.encode(codec, text);
        assertEquals(text, Cbor.decode(codec, bytes));
    }

    @Property
    void bytesRoundTrip(@ForAll @Size(max = 600) byte[] bytes) {
        CborCodec<byte[]> codec = CborCodec.of(CborWriter::writeBytes, CborReader::readBytes);
        assertArrayEquals(bytes, Cbor.decode(codec, Cbor.encode(codec, bytes)));
    }

    @Property(tries = 500)
    void cidsRoundTrip(@ForAll long seed) {
        var cid = new RandomCbor(seed).cid();
        CborCodec<dev.granary.ipld.Cid> codec = CborCodec.of(CborWriter::writeCid, CborReader::readCid);
        assertEquals(cid, Cbor.decode(codec, Cbor.encode(codec, cid)));
    }

    @Property(tries = 500)
    void dealStructsRoundTrip(@ForAll long seed) {
        byte[] proposal = Cbor.encode(SampleDealProposal.CODEC, SampleValues.proposal(seed));
        assertArrayEquals(proposal, Cbor.encode(SampleDealProposal.CODEC, Cbor.decode(SampleDealProposal.CODEC, proposal)));
        byte[] params = Cbor.encode(SampleDealParams.CODEC, SampleValues.params(seed));
        assertArrayEquals(params, Cbor.encode(SampleDealParams.CODEC, Cbor.decode(SampleDealParams.CODEC, params)));
    }

    @Property
    void mapStructKeysAreWrittenLengthFirstThenBytewise(
            @ForAll @UniqueElements @Size(max = 12) List<@StringLength(max = 6) String> keys) {
        byte[] bytes = new CborWriter().writeMapStruct(m -> keys.forEach(key -> m.field(key, CborWriter::writeNull))).toBytes();
        List<String> written = Cbor.decode(Entries.reading(r -> {
            List<String> seen = new ArrayList<>();
            int entries = r.readMapHeader();
            for (int i = 0; i < entries; i++) {
                seen.add(r.readText());
                r.readNull();
            }
            return seen;
        }), bytes);
        // Spelled out here rather than taken from KeyOrder, so that a wrong KeyOrder cannot agree with itself.
        Comparator<byte[]> lengthThenBytes = Comparator.<byte[]>comparingInt(key -> key.length).thenComparing(Arrays::compareUnsigned);
        List<String> expected = new ArrayList<>(keys);
        expected.sort(Comparator.comparing(key -> key.getBytes(StandardCharsets.UTF_8), lengthThenBytes));
        assertEquals(expected, written);
    }
}
