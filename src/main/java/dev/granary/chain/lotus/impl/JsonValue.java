package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainException;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A position in a decoded lotus response: the value, the method it answers and the path to it. Every reader
 * refuses what lotus would not send with {@link ChainException.Kind#PROTOCOL}, naming the method and the field, so
 * a mapper built from these readers fails only that way.
 *
 * <p>Go's encoding/json writes nil slices and pointers as {@code null}; {@link #list} reads {@code null} as empty and
 * {@link #optional} as absent. A missing field reads as null too (lotus always writes every field of its types).
 */
public final class JsonValue {
    /** Longest decimal big integer read: far above a 128-byte big int's 309 digits, low enough to parse cheaply. */
    static final int MAX_BIG_INT_CHARS = 400;
    static final int MAX_ADDRESS_CHARS = 128;
    static final int MAX_CID_CHARS = 256;
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String method;
    private final String path;
    private final Object value;

    private JsonValue(String method, String path, Object value) {
        this.method = method;
        this.path = path;
        this.value = value;
    }

    /** The result of {@code method}: a decoded JSON value (JsonObject, JsonArray, String, Number, Boolean or null). */
    public static JsonValue result(String method, Object value) {
        return new JsonValue(method, "result", value);
    }

    public static JsonValue at(String method, String path, Object value) {
        return new JsonValue(method, path, value);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean isNull() {
        return value == null;
    }

    /** Whether this object has the field at all (even as null). */
    public boolean has(String name) {
        if (!(value instanceof JsonObject object)) {
            throw fail("expected an object");
        }
        return object.containsKey(name);
    }

    /** The decoded value itself, for passing a sub-tree on. */
    Object raw() {
        return value;
    }

    public JsonValue field(String name) {
        if (!(value instanceof JsonObject object)) {
            throw fail("expected an object, got " + describe());
        }
        return new JsonValue(method, path + "." + name, object.getValue(name));
    }

    public JsonValue index(int i) {
        JsonArray array = array();
        if (i >= array.size()) {
            throw fail("expected at least " + (i + 1) + " elements, got " + array.size());
        }
        return new JsonValue(method, path + "[" + i + "]", array.getValue(i));
    }

    public int size() {
        return array().size();
    }

    /** A JSON array of at most {@code max} elements, each read by {@code element}; null reads as empty. */
    public <T> List<T> list(int max, Function<JsonValue, T> element) {
        if (value == null) {
            return List.of();
        }
        JsonArray array = array();
        if (array.size() > max) {
            throw fail("expected at most " + max + " elements, got " + array.size());
        }
        List<T> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(element.apply(new JsonValue(method, path + "[" + i + "]", array.getValue(i))));
        }
        return out;
    }

    public <T> Optional<T> optional(Function<JsonValue, T> reader) {
        return value == null ? Optional.empty() : Optional.of(reader.apply(this));
    }

    public long int64() {
        BigInteger n = integer();
        if (n.bitLength() > 63) {
            throw fail("integer " + n + " is outside int64");
        }
        return n.longValue();
    }

    /** A Go uint64, held in a long's bits (as the records do for piece sizes). */
    public long uint64() {
        BigInteger n = integer();
        if (n.signum() < 0 || n.compareTo(UINT64_MAX) > 0) {
            throw fail("integer " + n + " is outside uint64");
        }
        return n.longValue();
    }

    /** A non-negative int64 (sector numbers, sizes, counts that the records keep as long). */
    public long nonNegative() {
        long n = int64();
        if (n < 0) {
            throw fail("expected a non-negative integer, got " + n);
        }
        return n;
    }

    public boolean bool() {
        if (!(value instanceof Boolean b)) {
            throw fail("expected true or false, got " + describe());
        }
        return b;
    }

    public String text(int maxChars) {
        if (!(value instanceof String s)) {
            throw fail("expected a string, got " + describe());
        }
        if (s.length() > maxChars) {
            throw fail("string of " + s.length() + " characters is over the " + maxChars + " limit");
        }
        return s;
    }

    /** A big integer as lotus writes it: a decimal string. */
    public BigInteger bigInt() {
        String s = text(MAX_BIG_INT_CHARS);
        if (!DECIMAL.matcher(s).matches()) {
            throw fail("expected a decimal integer string, got \"" + s + "\"");
        }
        return new BigInteger(s);
    }

    public TokenAmount tokenAmount() {
        BigInteger attoFil = bigInt();
        return build(() -> TokenAmount.ofAttoFil(attoFil));
    }

    /** A CID as IPLD JSON writes it: {@code {"/": "bafy..."}}. */
    public Cid cid() {
        String text = field("/").text(MAX_CID_CHARS);
        return build(() -> Cid.parse(text));
    }

    public Address address() {
        String text = text(MAX_ADDRESS_CHARS);
        return build(() -> Address.parse(text));
    }

    /** Bytes as Go's encoding/json writes them: standard base64; null (a nil slice) reads as empty. */
    public byte[] bytes(int maxBytes) {
        if (value == null) {
            return new byte[0];
        }
        String text = text(maxBytes / 3 * 4 + 4);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw fail("expected base64: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw fail(bytes.length + " bytes is over the " + maxBytes + "-byte limit");
        }
        return bytes;
    }

    /**
     * Builds a record from values already read here; the record's own checks (negative epochs, empty keys, a
     * PieceCID that is no piece CID) become protocol errors at this path.
     */
    public <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(e.getMessage());
        }
    }

    public ChainException fail(String reason) {
        return new ChainException(ChainException.Kind.PROTOCOL,
                method + ": unreadable " + path + " in the chain node's answer: " + reason);
    }

    private JsonArray array() {
        if (!(value instanceof JsonArray array)) {
            throw fail("expected an array, got " + describe());
        }
        return array;
    }

    private BigInteger integer() {
        return switch (value) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case BigInteger b -> b;
            case null, default -> throw fail("expected an integer, got " + describe());
        };
    }

    private String describe() {
        return switch (value) {
            case null -> "null";
            case JsonObject o -> "an object";
            case JsonArray a -> "an array";
            case String s -> s.length() > 40 ? "a string of " + s.length() + " characters" : "\"" + s + "\"";
            default -> value.toString().length() > 40 ? "a long number" : value.toString();
        };
    }
}
