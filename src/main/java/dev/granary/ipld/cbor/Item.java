package dev.granary.ipld.cbor;

/**
 * The header of the next item, decoded from the raw input before Jackson sees it.
 *
 * @param type         what the item is; a tag 42 and the byte string it wraps form one CID item
 * @param start        offset of the first header byte (the tag's, for a CID)
 * @param contentStart offset just after the header(s)
 * @param argument     the header's argument: integer value (unsigned 64-bit, for a negative integer the n of
 *                     -1-n), string length, item or entry count, 1/0 for a boolean
 */
record Item(CborType type, int start, int contentStart, long argument) {

    /** Offset just past the whole item, for anything but arrays and maps (whose items follow). */
    int end() {
        return switch (type) {
            case BYTES, TEXT, CID -> contentStart + (int) argument;
            default -> contentStart;
        };
    }
}
