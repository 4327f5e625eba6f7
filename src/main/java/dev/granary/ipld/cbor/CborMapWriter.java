package dev.granary.ipld.cbor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fields of a map-encoded struct, collected so they can be written in cbor-gen's key order (shorter key
 * first, then bytewise) whatever order the codec lists them in.
 * <pre>{@code
 * w.writeMapStruct(m -> m
 *         .field("Size", x -> x.writeUint64(t.size()))
 *         .field("Type", x -> x.writeText(t.type())));
 * }</pre>
 */
public final class CborMapWriter {
    private record Field(byte[] key, String name, Consumer<CborWriter> value) {
    }

    private final List<Field> fields = new ArrayList<>();

    CborMapWriter() {
    }

    /** One entry; {@code value} must write exactly one item. */
    public CborMapWriter field(String key, Consumer<CborWriter> value) {
        fields.add(new Field(key.getBytes(StandardCharsets.UTF_8), key, value));
        return this;
    }

    void writeTo(CborWriter writer) {
        List<Field> sorted = new ArrayList<>(fields);
        sorted.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
        for (int i = 1; i < sorted.size(); i++) {
            if (KeyOrder.compare(sorted.get(i - 1).key(), sorted.get(i).key()) == 0) {
                throw new IllegalArgumentException("map struct lists key \"" + sorted.get(i).name() + "\" twice");
            }
        }
        writer.writeMapHeader(sorted.size());
        for (Field field : sorted) {
            writer.writeText(field.name());
            field.value().accept(writer);
        }
    }
}
