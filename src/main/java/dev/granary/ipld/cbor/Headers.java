package dev.granary.ipld.cbor;

/**
 * Decodes item headers straight from the input bytes. Jackson's parser is lenient where cbor-gen is strict:
 * it accepts non-minimal integers and lengths, indefinite lengths, any tag, undefined and simple values, and it
 * reads 4-byte lengths into a signed int (so 0xffffffff turns into "indefinite"). None of that is visible in
 * its tokens, so the reader decodes each header here first and only lets Jackson tokenize items that pass.
 */
final class Headers {
    static final int TAG_CID = 42;

    private static final int MAJOR_TAG = 6;
    private static final int MAJOR_SIMPLE = 7;
    private static final CborType[] BY_MAJOR = {
        CborType.UNSIGNED, CborType.NEGATIVE, CborType.BYTES, CborType.TEXT, CborType.ARRAY, CborType.MAP,
    };
    private static final String[] HEADER_NAMES = {
        "integer header", "integer header", "byte string length", "text string length", "array length",
        "map length", "tag",
    };

    private Headers() {
    }

    /** Thrown with the problem and the offset it is at; the reader adds the path. */
    static final class Malformed extends RuntimeException {
        final int offset;

        Malformed(String problem, int offset) {
            super(problem, null, false, false);
            this.offset = offset;
        }
    }

    /** The item starting at {@code offset}: a plain item, or a CID when a tag 42 wraps a byte string. */
    static Item read(byte[] in, int offset) {
        int first = byteAt(in, offset);
        int major = first >>> 5;
        int info = first & 0x1F;
        if (major == MAJOR_SIMPLE) {
            return simple(in, offset, info);
        }
        long argument = argument(in, offset, major, info);
        int contentStart = offset + 1 + argumentBytes(info);
        if (major != MAJOR_TAG) {
            return new Item(BY_MAJOR[major], offset, contentStart, argument);
        }
        if (argument != TAG_CID) {
            throw new Malformed("tag " + Long.toUnsignedString(argument) + " is not allowed (only 42, a CID)", offset);
        }
        // Decoded here rather than by recursion: a chain of tags must not cost a stack frame each.
        int wrapped = byteAt(in, contentStart);
        if (wrapped >>> 5 != 2) {
            throw new Malformed("tag 42 must wrap a byte string", contentStart);
        }
        long length = argument(in, contentStart, 2, wrapped & 0x1F);
        return new Item(CborType.CID, offset, contentStart + 1 + argumentBytes(wrapped & 0x1F), length);
    }

    private static Item simple(byte[] in, int offset, int info) {
        return switch (info) {
            case 20, 21 -> new Item(CborType.BOOL, offset, offset + 1, info - 20);
            case 22 -> new Item(CborType.NULL, offset, offset + 1, 0);
            case 23 -> throw new Malformed("undefined is not allowed", offset);
            case 25, 26 -> throw new Malformed((info == 25 ? 16 : 32) + "-bit floats are not allowed", offset);
            case 27 -> {
                requireBytes(in, offset, 8);
                yield new Item(CborType.FLOAT, offset, offset + 9, readBigEndian(in, offset + 1, 8));
            }
            case 31 -> throw new Malformed("break byte outside an indefinite-length item", offset);
            default -> throw new Malformed("simple values are not allowed", offset);
        };
    }

    private static long argument(byte[] in, int offset, int major, int info) {
        if (info < 24) {
            return info;
        }
        if (info == 31) {
            throw new Malformed(major >= 2 && major <= 5
                    ? "indefinite-length " + BY_MAJOR[major].description().replaceFirst("^an? ", "") + " is not allowed"
                    : "additional information 31 is invalid for major type " + major, offset);
        }
        if (info > 27) {
            throw new Malformed("reserved additional information " + info, offset);
        }
        int size = argumentBytes(info);
        requireBytes(in, offset, size);
        long value = readBigEndian(in, offset + 1, size);
        if (Long.compareUnsigned(value, smallestFor(size)) < 0) {
            throw new Malformed(HEADER_NAMES[major] + " not minimally encoded (" + Long.toUnsignedString(value)
                    + " in " + size + (size == 1 ? " argument byte)" : " argument bytes)"), offset);
        }
        return value;
    }

    /** Bytes after the initial byte: 0, 1, 2, 4 or 8. */
    private static int argumentBytes(int info) {
        return info < 24 ? 0 : 1 << (info - 24);
    }

    /** The smallest value that needs an argument of this many bytes; smaller ones must use a shorter form. */
    private static long smallestFor(int size) {
        return switch (size) {
            case 1 -> 24;
            case 2 -> 0x100;
            case 4 -> 0x1_0000;
            default -> 0x1_0000_0000L;
        };
    }

    private static void requireBytes(byte[] in, int offset, int size) {
        if (in.length - offset - 1 < size) {
            throw new Malformed("header truncated (needs " + size + " more bytes, " + (in.length - offset - 1)
                    + " remain)", offset);
        }
    }

    private static int byteAt(byte[] in, int offset) {
        if (offset >= in.length) {
            throw new Malformed("unexpected end of input", offset);
        }
        return in[offset] & 0xFF;
    }

    private static long readBigEndian(byte[] in, int from, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (in[from + i] & 0xFF);
        }
        return value;
    }
}
