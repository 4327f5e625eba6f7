package dev.granary.ipld.cbor;

import dev.granary.ipld.Cid;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A small generic value model for round-trip and interop tests: what dag-cbor and cbor-gen have in common. */
sealed interface CborValue {

    record Int(BigInteger value) implements CborValue {
    }

    record Bytes(byte[] value) implements CborValue {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    record Text(String value) implements CborValue {
    }

    record Array(List<CborValue> items) implements CborValue {
    }

    /** Entry order does not matter for equality; the codec writes keys in canonical order. */
    record MapValue(Map<String, CborValue> entries) implements CborValue {
    }

    record Link(Cid cid) implements CborValue {
    }

    /** A Filecoin big integer; on the wire it is a byte string, so a generic read returns {@link Bytes}. */
    record BigInt(BigInteger value) implements CborValue {
    }

    record Bool(boolean value) implements CborValue {
    }

    record Null() implements CborValue {
    }

    /** What a generic read of this value's encoding gives back (big integers come back as their bytes). */
    static CborValue asRead(CborValue value) {
        return switch (value) {
            case BigInt b -> new Bytes(FilecoinBigInt.encode(b.value()));
            case Array a -> new Array(a.items().stream().map(CborValue::asRead).toList());
            case MapValue m -> new MapValue(m.entries().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> asRead(e.getValue()))));
            default -> value;
        };
    }

    static int countLinks(CborValue value) {
        return switch (value) {
            case Link l -> 1;
            case Array a -> a.items().stream().mapToInt(CborValue::countLinks).sum();
            case MapValue m -> m.entries().values().stream().mapToInt(CborValue::countLinks).sum();
            default -> 0;
        };
    }
}
