package dev.granary.ipld.cbor;

import java.util.List;

/** An open array or map on the reader's side: how far in it we are, and what to call it in messages. */
final class Frame {
    private static final int MAX_KEY_CHARS_IN_PATH = 40;

    final boolean map;
    /** Items, not entries: a map of n entries holds 2n (key, value, key, value ...). */
    final int count;
    /** Struct name, or null for a plain array or map. */
    final String type;
    /** Tuple field names by position, or null. */
    final List<String> fields;
    /** Closed by readTuple / CborMapReader after the codec is done, not as soon as the last item is read. */
    final boolean owned;
    int index;
    /** The map key read last, so a value's errors can name it. */
    String key;

    Frame(boolean map, int count, String type, List<String> fields, boolean owned) {
        this.map = map;
        this.count = count;
        this.type = type;
        this.fields = fields;
        this.owned = owned;
    }

    boolean atKey() {
        return map && index % 2 == 0 && index < count;
    }

    /** "DealProposal.PieceSize", "Transfer{key 2}", "[3]" or ".Label": the part of the path this frame adds. */
    String segment(int item) {
        String where;
        if (item < 0) {
            where = "";
        } else if (fields != null) {
            where = item < fields.size() ? "." + fields.get(item) : "";
        } else if (map) {
            where = item % 2 == 0 ? "{key " + item / 2 + "}" : "." + printable(key);
        } else {
            where = "[" + item + "]";
        }
        return type == null ? where : type + where;
    }

    /** Map keys are sender-chosen text: keep log lines short and on one line. */
    static String printable(String key) {
        StringBuilder out = new StringBuilder();
        key.codePoints().limit(MAX_KEY_CHARS_IN_PATH).forEach(c -> {
            if (c < 0x20 || c == 0x7F || Character.getType(c) == Character.FORMAT || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (key.codePointCount(0, key.length()) > MAX_KEY_CHARS_IN_PATH) {
            out.append('…');
        }
        return out.toString();
    }
}
