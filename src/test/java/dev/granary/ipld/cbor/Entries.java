package dev.granary.ipld.cbor;

import java.util.Map;

/** The decoder entry points the vector, fuzz and interop tests run, by the names the vector files use. */
final class Entries {
    static final Map<String, CborCodec<?>> DECODERS = Map.of(
            "value", CborValueCodec.INSTANCE,
            "skip", reading(r -> {
                r.skip();
                return Boolean.TRUE;
            }),
            "float64", reading(CborReader::readFloat64),
            "bigint", reading(CborReader::readBigInt),
            "int64", reading(CborReader::readInt64),
            "uint64", reading(CborReader::readUint64),
            "proposal", SampleDealProposal.CODEC,
            "transfer", SampleDealParams.Transfer.CODEC,
            "params", SampleDealParams.CODEC);

    private Entries() {
    }

    static <T> CborCodec<T> reading(java.util.function.Function<CborReader, T> read) {
        return CborCodec.of((w, v) -> {
            throw new UnsupportedOperationException("read-only test codec");
        }, read);
    }

    static Object decode(String entry, byte[] bytes) {
        CborCodec<?> codec = DECODERS.get(entry);
        if (codec == null) {
            throw new IllegalArgumentException("no decoder entry " + entry);
        }
        return Cbor.decode(codec, bytes);
    }
}
