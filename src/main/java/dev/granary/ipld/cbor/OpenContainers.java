package dev.granary.ipld.cbor;

import java.util.ArrayDeque;

/**
 * The writer's open arrays and maps: how many items each still owes (keys count), the last key of each map for
 * the order check, and whether the single top-level item is complete. Containers close themselves when their
 * last item is written; {@code closer} writes the end for Jackson.
 */
final class OpenContainers {
    interface Closer {
        void close(boolean map);
    }

    private static final class Open {
        final boolean map;
        int remaining;
        byte[] lastKey;

        Open(boolean map, int remaining) {
            this.map = map;
            this.remaining = remaining;
        }
    }

    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private final Closer closer;
    private boolean rootDone;

    OpenContainers(Closer closer) {
        this.closer = closer;
    }

    /** Refuses a value where none may go: after the complete top-level item, or where a map key is due. */
    void beforeValue(String what) {
        if (open.isEmpty() && rootDone) {
            throw new IllegalStateException("the writer already holds a complete item; cannot add " + what);
        }
        if (atKey()) {
            throw new IllegalStateException("map keys must be text strings, not " + what);
        }
    }

    boolean atKey() {
        Open top = open.peek();
        return top != null && top.map && top.remaining % 2 == 0;
    }

    /** Records a key about to be written; it must sort after the map's previous key. */
    void key(byte[] utf8, String text) {
        Open top = open.peek();
        if (top.lastKey != null && KeyOrder.compare(top.lastKey, utf8) >= 0) {
            throw new IllegalStateException("map key \"" + text + "\" is a duplicate or out of canonical order"
                    + " (shorter keys first, then bytewise)");
        }
        top.lastKey = utf8;
    }

    /** A container whose header was just written and that will hold {@code items} items. */
    void opened(boolean map, int items) {
        open.push(new Open(map, items));
        if (items == 0) {
            open.pop();
            closer.close(map);
            itemWritten();
        }
    }

    /** Counts the item just written and closes every container it completed. */
    void itemWritten() {
        while (true) {
            Open top = open.peek();
            if (top == null) {
                rootDone = true;
                return;
            }
            if (--top.remaining > 0) {
                return;
            }
            open.pop();
            closer.close(top.map);
        }
    }

    void requireComplete() {
        if (!rootDone || !open.isEmpty()) {
            throw new IllegalStateException("the CBOR item is incomplete (" + open.size() + " containers still open)");
        }
    }
}
