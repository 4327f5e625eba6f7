package dev.granary.ipld.cbor;

import io.vertx.core.buffer.Buffer;

/** Whole-message entry points: one top-level item, nothing after it. */
public final class Cbor {
    private Cbor() {
    }

    public static <T> byte[] encode(CborCodec<T> codec, T value) {
        CborWriter writer = new CborWriter();
        codec.write(writer, value);
        return writer.toBytes();
    }

    public static <T> T decode(CborCodec<T> codec, byte[] bytes) {
        return decode(codec, bytes, CborLimits.CBOR_GEN);
    }

    public static <T> T decode(CborCodec<T> codec, Buffer bytes) {
        return decode(codec, bytes.getBytes(), CborLimits.CBOR_GEN);
    }

    /**
     * Decodes exactly one item. Anything wrong with the input is a {@link CborDecodeException} naming the field;
     * that includes IllegalArgumentExceptions from the value types the codec builds (an address that is too
     * long, a label that is not a piece CID), which are reported at the field read last.
     */
    public static <T> T decode(CborCodec<T> codec, byte[] bytes, CborLimits limits) {
        CborReader reader = new CborReader(bytes, limits);
        T value;
        try {
            value = codec.read(reader);
        } catch (CborDecodeException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw reader.fail(String.valueOf(e.getMessage()), e);
        }
        reader.readEnd();
        return value;
    }
}
