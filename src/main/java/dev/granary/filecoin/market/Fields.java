package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * How the market messages carry the Filecoin and Boost field types, shared by every codec in this package,
 * and the checks their constructors share so that every value that can be built can also be written.
 */
final class Fields {
    /** cbor-gen's MaxLength: Go refuses to write a longer string field, and cbor-gen refuses to read one. */
    static final int MAX_TEXT_BYTES = 8192;
    static final int UUID_BYTES = 16;

    private Fields() {
    }







    /** RFC 4122 binary form, as Go's uuid.UUID marshals it; these 16 bytes are also what a status request signs. */
    static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(UUID_BYTES).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    static void writeUuid(CborWriter w, UUID uuid) {
        w.writeBytes(uuidBytes(uuid));
    }

    static UUID readUuid(CborReader r) {
        byte[] bytes = r.readBytes(UUID_BYTES);
        if (bytes.length != UUID_BYTES) {
            throw r.fail("a deal UUID is 16 bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** For a key that has no Go zero value we could stand in with (a CID, an address, a nested struct). */
    static <T> T required(CborReader r, T value, String type, String key) {
        if (value == null) {
            throw r.fail(type + " has no " + key + " entry");
        }
        return value;
    }

    /**
     * Returns {@code text} if it can be written as a cbor-gen string field: well-formed UTF-16 (so it has a
     * UTF-8 form) of at most {@code maxBytes} UTF-8 bytes.
     */
    static String requireText(String text, int maxBytes, String what) {
        Objects.requireNonNull(text, what);
        long length = utf8Length(text, what);
        if (length > maxBytes) {
            throw new IllegalArgumentException(what + " is " + length + " UTF-8 bytes, at most " + maxBytes);
        }
        return text;
    }

    static String requireText(String text, String what) {
        return requireText(text, MAX_TEXT_BYTES, what);
    }

    /**
     * {@code text} made writable, for messages built from arbitrary error strings: unpaired surrogates become
     * U+FFFD and the text is cut to {@code maxBytes} UTF-8 bytes, never inside a character.
     */
    static String fitText(String text, int maxBytes) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxBytes));
        long length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                codePoint = 0xFFFD;
            }
            length += utf8Length(codePoint);
            if (length > maxBytes) {
                break;
            }
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    static long utf8Length(String text, String what) {
        long length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i + "; it has no UTF-8 form");
            }
            length += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return length;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
