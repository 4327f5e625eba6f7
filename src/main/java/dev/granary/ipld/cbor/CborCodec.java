package dev.granary.ipld.cbor;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one type is written and read. {@link Cbor#encode} and {@link Cbor#decode} run a codec over a whole
 * message; codecs call each other for nested types.
 */
public interface CborCodec<T> {
    void write(CborWriter writer, T value);

    /** Reads one item. May throw {@link CborReader#fail} or an IllegalArgumentException for values the type refuses. */
    T read(CborReader reader);

    static <T> CborCodec<T> of(BiConsumer<CborWriter, T> write, Function<CborReader, T> read) {
        return new CborCodec<>() {
            @Override
            public void write(CborWriter writer, T value) {
                write.accept(writer, value);
            }

            @Override
            public T read(CborReader reader) {
                return read.apply(reader);
            }
        };
    }
}
