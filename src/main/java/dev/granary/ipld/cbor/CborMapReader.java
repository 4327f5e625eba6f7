package dev.granary.ipld.cbor;

import java.util.HashSet;
import java.util.Set;

/**
 * Walks the entries of a map-encoded struct (cbor-gen {@code --map-encoding}, Boost's DealParams and friends).
 * Keys may come in any order, as cbor-gen accepts; unknown keys are skipped together with their values (still
 * within the reader's bounds); a key seen twice is refused. Keys the message lacks are the codec's to default.
 * <pre>{@code
 * for (CborMapReader m = r.readMapStruct("Transfer", KEYS); m.next(); ) {
 *     switch (m.key()) {
 *         case "Size" -> size = r.readUint64();
 *         case "Type" -> type = r.readText();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class CborMapReader {
    private final CborReader reader;
    private final Cursor cursor;
    private final Frame frame;
    private final Set<String> knownKeys;
    private final Set<String> seen = new HashSet<>();
    private String key;
    private boolean done;

    CborMapReader(CborReader reader, Cursor cursor, Frame frame, Set<String> knownKeys) {
        this.reader = reader;
        this.cursor = cursor;
        this.frame = frame;
        this.knownKeys = knownKeys;
    }

    /** Moves to the next known key; false once the map is exhausted (the map is then fully read). */
    public boolean next() {
        if (done) {
            throw new IllegalStateException(frame.type + ": next() called after the map ended");
        }
        while (true) {
            if (frame.index % 2 != 0) {
                throw new IllegalStateException(frame.type + " codec did not read the value of " + Frame.printable(key));
            }
            if (frame.index == frame.count) {
                done = true;
                cursor.finishOwned(frame);
                return false;
            }
            key = reader.readText();
            if (!seen.add(key)) {
                throw reader.fail("duplicate map key \"" + Frame.printable(key) + "\"");
            }
            if (knownKeys.contains(key)) {
                return true;
            }
            reader.skip();
        }
    }

    /** The current key: one of the known keys, its value next in the reader. */
    public String key() {
        return key;
    }

    /** Whether the message had this key (so far); for keys that must be present. */
    public boolean sawKey(String name) {
        return seen.contains(name);
    }
}
