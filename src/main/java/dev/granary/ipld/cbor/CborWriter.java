package dev.granary.ipld.cbor;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.granary.ipld.Cid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes one CBOR item the way cbor-gen does: minimal headers, definite lengths, CIDs as tag 42, Filecoin big
 * integers as byte strings, map keys in canonical order. Jackson's generator produces the bytes; this class
 * keeps the counts so that containers close themselves after their last item, and refuses misuse (too many
 * items, non-text or out-of-order map keys, unpaired surrogates) with an IllegalStateException or
 * IllegalArgumentException, since those are bugs in the calling codec. Calls chain:
 * {@code w.writeArrayHeader(2).writeCid(root).writeUint64(size)}.
 */
public final class CborWriter {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final Output out = new Output();
    private final CBORGenerator generator;
    private final OpenContainers open;
    private boolean closed;

    public CborWriter() {
        try {
            generator = (CBORGenerator) JacksonCbor.FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open = new OpenContainers(map -> call(map ? generator::writeEndObject : generator::writeEndArray));
    }

    /** A Go uint64: the 64 bits of {@code value} read as unsigned (so -1 writes 2^64-1). */
    public CborWriter writeUint64(long value) {
        open.beforeValue("an unsigned integer");
        if (value >= 0) {
            call(() -> generator.writeNumber(value));
        } else {
            writeFullWidth(Long.MAX_VALUE, value);
        }
        return itemWritten();
    }

    /** A Go int64: major type 0 when not negative, else major type 1. */
    public CborWriter writeInt64(long value) {
        open.beforeValue("an integer");
        call(() -> generator.writeNumber(value));
        return itemWritten();
    }

    /** Any integer CBOR can hold without tags: -2^64 to 2^64-1. */
    public CborWriter writeInteger(BigInteger value) {
        if (value.bitLength() <= 63) {
            return writeInt64(value.longValueExact());
        }
        if (value.signum() > 0) {
            if (value.compareTo(TWO_TO_64) >= 0) {
                throw new IllegalArgumentException("integer " + value + " does not fit in 64 bits");
            }
            return writeUint64(value.longValue());
        }
        BigInteger n = value.negate().subtract(BigInteger.ONE); // major type 1 holds n for the value -1-n
        if (n.compareTo(TWO_TO_64) >= 0) {
            throw new IllegalArgumentException("integer " + value + " does not fit in 64 bits");
        }
        open.beforeValue("an integer");
        writeFullWidth(Long.MIN_VALUE, n.longValue());
        return itemWritten();
    }

    /** Null is refused rather than written as CBOR null: cbor-gen writes a nil []byte as the empty string. */
    public CborWriter writeBytes(byte[] value) {
        Objects.requireNonNull(value, "byte string");
        open.beforeValue("a byte string");
        call(() -> generator.writeBinary(value));
        return itemWritten();
    }

    /** A text string, or the next key when a map is being written (keys must come in canonical order). */
    public CborWriter writeText(String value) {
        byte[] utf8 = Utf8.strict(value);
        if (open.atKey()) {
            open.key(utf8, value);
            // writeFieldName(String) would split keys of a few thousand characters into an indefinite-length
            // string; the SerializableString path writes one definite-length string.
            call(() -> generator.writeFieldName(new SerializedString(value)));
            return itemWritten();
        }
        open.beforeValue("a text string");
        call(() -> generator.writeUTF8String(utf8, 0, utf8.length));
        return itemWritten();
    }

    public CborWriter writeBool(boolean value) {
        open.beforeValue("a boolean");
        call(() -> generator.writeBoolean(value));
        return itemWritten();
    }

    public CborWriter writeNull() {
        open.beforeValue("null");
        call(generator::writeNull);
        return itemWritten();
    }

    public <T> CborWriter writeNullable(T value, BiConsumer<CborWriter, T> write) {
        if (value == null) {
            return writeNull();
        }
        write.accept(this, value);
        return this;
    }

    /** Tag 42 over {@code 0x00 ‖ binary CID}. */
    public CborWriter writeCid(Cid cid) {
        byte[] bytes = new byte[cid.byteLength() + 1];
        System.arraycopy(cid.bytes(), 0, bytes, 1, cid.byteLength());
        open.beforeValue("a CID");
        call(() -> {
            generator.writeTag(Headers.TAG_CID);
            generator.writeBinary(bytes);
        });
        return itemWritten();
    }

    /** A go-state-types big.Int: empty for zero, else sign byte 0x00/0x01 and the big-endian magnitude. */
    public CborWriter writeBigInt(BigInteger value) {
        return writeBytes(FilecoinBigInt.encode(value));
    }

    /** Starts an array; the next {@code size} items go in it and it closes after the last. */
    public CborWriter writeArrayHeader(int size) {
        open.beforeValue("an array");
        call(() -> generator.writeStartArray(null, size));
        open.opened(false, size);
        return this;
    }

    /** Starts a map of {@code size} entries: key (writeText), value, key, value ... */
    public CborWriter writeMapHeader(int size) {
        open.beforeValue("a map");
        call(() -> generator.writeStartObject(null, size));
        open.opened(true, 2 * size);
        return this;
    }

    public <T> CborWriter writeArray(List<T> items, BiConsumer<CborWriter, T> write) {
        writeArrayHeader(items.size());
        items.forEach(item -> write.accept(this, item));
        return this;
    }

    /** A map-encoded struct; {@code fields} lists them in any order and they are written in canonical order. */
    public CborWriter writeMapStruct(Consumer<CborMapWriter> fields) {
        CborMapWriter map = new CborMapWriter();
        fields.accept(map);
        map.writeTo(this);
        return this;
    }

    /** The encoded item; the writer is finished after this. */
    public byte[] toBytes() {
        open.requireComplete();
        if (!closed) {
            call(generator::close);
            closed = true;
        }
        return out.toByteArray();
    }

    private CborWriter itemWritten() {
        open.itemWritten();
        return this;
    }

    /**
     * Jackson writes integers beyond the signed 64-bit range as bignum tags, which cbor-gen does not accept.
     * So the generator writes a placeholder with the same 9-byte shape (keeping its item counts right) and the
     * 8 argument bytes are overwritten with the real ones.
     */
    private void writeFullWidth(long placeholder, long argument) {
        call(() -> {
            generator.writeNumber(placeholder);
            generator.flush();
        });
        out.overwriteLast8(argument);
    }

    private interface JacksonCall {
        void call() throws IOException;
    }

    private static void call(JacksonCall call) {
        try {
            call.call();
        } catch (IOException e) {
            throw new IllegalStateException("Jackson refused the write: " + e.getMessage(), e);
        }
    }

    private static final class Output extends ByteArrayOutputStream {
        void overwriteLast8(long value) {
            for (int i = 0; i < 8; i++) {
                buf[count - 8 + i] = (byte) (value >>> (56 - 8 * i));
            }
        }
    }
}
