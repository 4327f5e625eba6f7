package dev.granary.ipld.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.granary.ipld.Cid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads CBOR the way cbor-gen does, item by item, for codecs to pull their fields from. Jackson's parser does
 * the tokenizing and decodes values; before it sees an item, the item's header is checked on the raw bytes:
 * minimal integers and lengths only, definite lengths only, no tags but 42 (CID), no undefined or simple
 * values, lengths within the caps and within the input that is left. So nothing is allocated for a length the
 * input does not hold, and every failure is a {@link CborDecodeException} that names the struct field being
 * read. A reader is single-use and not thread-safe; after an exception it is done.
 */
public final class CborReader {
    /** cbor-gen's bound on the byte string inside tag 42. */
    private static final int MAX_CID_BYTES = 512;
    private static final String NOT_UTF8 = "text string is not valid UTF-8";

    private final CborLimits limits;
    private final Cursor cursor;

    public CborReader(byte[] in) {
        this(in, CborLimits.CBOR_GEN);
    }

    public CborReader(byte[] in, CborLimits limits) {
        this.limits = limits;
        this.cursor = new Cursor(in, limits.maxDepth());
    }

    /** What the next item is; it stays unread. */
    public CborType peekType() {
        return cursor.header().type();
    }

    /** A major type 0 integer as its 64 bits (Go uint64); values from 2^63 up come back negative. */
    public long readUint64() {
        Item item = cursor.expect(CborType.UNSIGNED);
        cursor.token(item, JsonToken.VALUE_NUMBER_INT);
        return cursor.finish(item, cursor.value(item, p -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? p.getBigIntegerValue().longValue() : p.getLongValue()));
    }

    /** A Go int64 (ChainEpoch): major type 0 or 1, refused when it does not fit. */
    public long readInt64() {
        Item item = integer();
        if (item.argument() < 0) {
            throw cursor.failAt("integer " + (item.type() == CborType.NEGATIVE ? "-1-" : "")
                    + Long.toUnsignedString(item.argument()) + " overflows int64", item.start());
        }
        cursor.token(item, JsonToken.VALUE_NUMBER_INT);
        return cursor.finish(item, cursor.value(item, JsonParser::getLongValue));
    }

    /** Any CBOR integer, -2^64 to 2^64-1. */
    public BigInteger readInteger() {
        Item item = integer();
        cursor.token(item, JsonToken.VALUE_NUMBER_INT);
        return cursor.finish(item, cursor.value(item, JsonParser::getBigIntegerValue));
    }

    private Item integer() {
        Item item = cursor.header();
        if (item.type() != CborType.UNSIGNED && item.type() != CborType.NEGATIVE) {
            throw cursor.failAt("expected an integer, found " + item.type().description(), item.start());
        }
        return item;
    }

    public byte[] readBytes() {
        return readBytes(limits.maxByteStringBytes());
    }

    /** A byte string of at most {@code maxLength} bytes, for fields whose bound differs from the default. */
    public byte[] readBytes(int maxLength) {
        Item item = cursor.expect(CborType.BYTES);
        return cursor.finish(item, byteString(item, maxLength, "byte string"));
    }

    /** The content of a byte string (or of the one in a CID), not yet counted as read. */
    private byte[] byteString(Item item, int maxLength, String what) {
        cursor.checkLength(item, maxLength, what);
        cursor.token(item, JsonToken.VALUE_EMBEDDED_OBJECT);
        return cursor.value(item, JsonParser::getBinaryValue);
    }

    public String readText() {
        return readText(limits.maxTextBytes());
    }

    /** A text string of at most {@code maxLength} UTF-8 bytes; in a map's key position, the key. */
    public String readText(int maxLength) {
        Item item = cursor.expect(CborType.TEXT);
        cursor.checkLength(item, maxLength, "text string");
        boolean key = cursor.atKey();
        // Jackson decodes a key while tokenizing it, a value only when asked; either way, with header and length
        // already checked, a failure can only be malformed UTF-8.
        cursor.token(item, key ? JsonToken.FIELD_NAME : JsonToken.VALUE_STRING, NOT_UTF8);
        String text;
        try {
            text = cursor.value(item, key ? JsonParser::currentName : JsonParser::getText);
        } catch (CborDecodeException e) {
            throw cursor.failAt(NOT_UTF8, item.start(), e);
        }
        // Jackson lets some malformed UTF-8 through (it checks neither 4-byte sequences nor overlong forms nor
        // encoded surrogates). A String that encodes back to exactly the input bytes proves they were valid, and
        // it is the property we need: what we accept, we write back unchanged.
        if (!cursor.contentEquals(item, text.getBytes(StandardCharsets.UTF_8))) {
            throw cursor.failAt(NOT_UTF8, item.start());
        }
        cursor.keyRead(text);
        return cursor.finish(item, text);
    }

    public boolean readBool() {
        Item item = cursor.expect(CborType.BOOL);
        cursor.token(item, item.argument() == 1 ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE);
        return cursor.finish(item, item.argument() == 1);
    }

    public void readNull() {
        Item item = cursor.expect(CborType.NULL);
        cursor.token(item, JsonToken.VALUE_NULL);
        cursor.finish(item, null);
    }

    /** Null (CBOR {@code f6}) for a Go pointer field that is nil, otherwise whatever {@code read} makes of it. */
    public <T> T readNullable(Function<CborReader, T> read) {
        if (peekType() == CborType.NULL) {
            readNull();
            return null;
        }
        return read.apply(this);
    }

    /** Tag 42 over {@code 0x00 ‖ binary CID}, as cbor-gen and dag-cbor write links. */
    public Cid readCid() {
        Item item = cursor.expect(CborType.CID);
        byte[] bytes = byteString(item, MAX_CID_BYTES, "CID");
        if (bytes.length == 0 || bytes[0] != 0) {
            throw cursor.failAt("CID bytes must start with 0x00 (the identity multibase prefix)", item.start());
        }
        try {
            return cursor.finish(item, Cid.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length)));
        } catch (IllegalArgumentException e) {
            throw cursor.failAt("invalid CID in tag 42 (" + e.getMessage() + ")", item.start(), e);
        }
    }

    /** A go-state-types big.Int (TokenAmount): sign-and-magnitude in a byte string, refused unless canonical. */
    public BigInteger readBigInt() {
        Item item = cursor.expect(CborType.BYTES);
        byte[] bytes = byteString(item, FilecoinBigInt.MAX_BYTES, "big integer");
        String problem = FilecoinBigInt.problem(bytes);
        if (problem != null) {
            throw cursor.failAt(problem, item.start());
        }
        return cursor.finish(item, FilecoinBigInt.decode(bytes));
    }

    /** Only for a field declared a float (cbor-gen types never are): 64-bit, finite (dag-cbor's rule). */
    public double readFloat64() {
        Item item = cursor.expect(CborType.FLOAT);
        cursor.token(item, JsonToken.VALUE_NUMBER_FLOAT);
        double value = cursor.value(item, JsonParser::getDoubleValue);
        if (!Double.isFinite(value)) {
            throw cursor.failAt("NaN and infinities are not allowed", item.start());
        }
        return cursor.finish(item, value);
    }

    public int readArrayHeader() {
        return readArrayHeader(limits.maxEntries());
    }

    /** Reads an array header; the caller then reads exactly that many items. */
    public int readArrayHeader(int maxEntries) {
        return cursor.open(CborType.ARRAY, maxEntries, -1, null, null, false).count;
    }

    public int readMapHeader() {
        return readMapHeader(limits.maxEntries());
    }

    /** Reads a map header; the caller then reads that many key ({@link #readText}) and value pairs. */
    public int readMapHeader(int maxEntries) {
        return cursor.open(CborType.MAP, maxEntries, -1, null, null, false).count / 2;
    }

    public <T> List<T> readArray(Function<CborReader, T> item) {
        return readArray(limits.maxEntries(), item);
    }

    public <T> List<T> readArray(int maxEntries, Function<CborReader, T> item) {
        int count = readArrayHeader(maxEntries);
        List<T> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item.apply(this));
        }
        return items;
    }

    /**
     * A tuple-encoded struct: an array of exactly {@code fields.size()} items, read by {@code body} in order.
     * Errors inside name the field by its position, e.g. {@code DealProposal.PieceSize}.
     */
    public <T> T readTuple(String type, List<String> fields, Function<CborReader, T> body) {
        Frame frame = cursor.open(CborType.ARRAY, fields.size(), fields.size(), type, fields, true);
        T value = body.apply(this);
        cursor.finishOwned(frame);
        return value;
    }

    /**
     * A map-encoded struct: iterate with {@link CborMapReader#next()}, which hands out the keys in
     * {@code knownKeys} and skips the others with their values, as cbor-gen does. Duplicate keys are refused.
     */
    public CborMapReader readMapStruct(String type, Set<String> knownKeys) {
        return new CborMapReader(this, cursor, cursor.open(CborType.MAP, limits.maxEntries(), -1, type, null, true), knownKeys);
    }

    /** Reads and drops one item of any kind, with the same checks and bounds as reading it. */
    public void skip() {
        Item item = cursor.header();
        switch (item.type()) {
            case UNSIGNED, NEGATIVE -> readInteger();
            case BYTES -> readBytes();
            case TEXT -> readText();
            case CID -> readCid();
            case BOOL -> readBool();
            case NULL -> readNull();
            case FLOAT -> throw cursor.failAt("floats are not allowed", item.start());
            case ARRAY, MAP -> {
                int items = cursor.open(item.type(), limits.maxEntries(), -1, null, null, false).count;
                for (int i = 0; i < items; i++) {
                    skip();
                }
            }
        }
    }

    /** Refuses anything after the top-level item. {@link Cbor#decode} calls this. */
    public void readEnd() {
        cursor.end();
    }

    /** For codecs refusing a value they just read: the exception names that field and its offset. */
    public CborDecodeException fail(String problem) {
        return cursor.failLastItem(problem, null);
    }

    CborDecodeException fail(String problem, Throwable cause) {
        return cursor.failLastItem(problem, cause);
    }
}
