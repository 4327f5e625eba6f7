package dev.granary.ipld.cbor;

/**
 * Upper bounds a {@link CborReader} enforces before it allocates anything for an item. The defaults are
 * cbor-gen's ({@code MaxLength} 8192 for text and collections, {@code ByteArrayMaxLen} 2 MiB for byte strings);
 * a codec whose field may legitimately be larger passes its own bound to the read call for that field.
 *
 * @param maxTextBytes       longest text string (UTF-8 bytes), map keys included
 * @param maxByteStringBytes longest byte string
 * @param maxEntries         most items in an array, most entries in a map
 * @param maxDepth           deepest nesting of arrays and maps; cbor-gen recurses without a bound, we do not
 */
public record CborLimits(int maxTextBytes, int maxByteStringBytes, int maxEntries, int maxDepth) {
    public static final CborLimits CBOR_GEN = new CborLimits(8192, 2 << 20, 8192, 64);

    public CborLimits {
        if (maxTextBytes < 0 || maxByteStringBytes < 0 || maxEntries < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("CBOR limits must not be negative and depth at least 1");
        }
    }
}
