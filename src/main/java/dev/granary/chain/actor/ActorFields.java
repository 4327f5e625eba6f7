package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How actor parameters carry the shared field types (cbor-gen and fvm_ipld_encoding agree on all of them). */
final class ActorFields {
    /** cbor-gen's MaxLength: lotus neither writes nor reads a longer slice. */
    static final int MAX_LIST = 8192;
    /** cbor-gen's ByteArrayMaxLen. */
    static final int MAX_BYTES = 2 << 20;

    private ActorFields() {
    }





    /** A list that Go and Rust would both accept: at most {@code max} items, none null. */
    static <T> List<T> list(List<T> items, int max, String what) {
        List<T> copy = List.copyOf(items);
        if (copy.size() > max) {
            throw new IllegalArgumentException(what + " has " + copy.size() + " items, at most " + max);
        }
        return copy;
    }

    static byte[] bytes(byte[] value, String what) {
        Objects.requireNonNull(value, what);
        if (value.length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " is " + value.length + " bytes, at most " + MAX_BYTES);
        }
        return value.clone();
    }

    static List<Long> readUint64s(CborReader r, int max) {
        int count = r.readArrayHeader(max);
        List<Long> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(r.readUint64());
        }
        return values;
    }

    static void writeUint64s(CborWriter w, List<Long> values) {
        w.writeArrayHeader(values.size());
        values.forEach(w::writeUint64);
    }
}
