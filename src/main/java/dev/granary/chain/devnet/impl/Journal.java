package dev.granary.chain.devnet.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * Every change to devnet state as (table, key, value before), in order. It gives three things with one mechanism:
 * a failed message rolls back to a mark taken before it ran, the store writes exactly the rows an epoch touched,
 * and a reorg replays an epoch's changes backwards.
 */
final class Journal {
    /** One change; {@code before} is null when the key had no row. */
    record Entry(TrackedTable<?, ?> table, Object key, Object before) {
        void undo() {
            table.restore(key, before);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void record(TrackedTable<?, ?> table, Object key, Object before) {
        entries.add(new Entry(table, key, before));
    }

    int mark() {
        return entries.size();
    }

    /** Undoes every change made since {@code mark}, newest first. */
    void rollbackTo(int mark) {
        for (int i = entries.size() - 1; i >= mark; i--) {
            entries.remove(i).undo();
        }
    }

    /** The changes made since {@code mark}, oldest first, without undoing them. */
    List<Entry> since(int mark) {
        return List.copyOf(entries.subList(mark, entries.size()));
    }

    /** Hands over every recorded change (an epoch's undo record) and starts empty. */
    List<Entry> drain() {
        List<Entry> drained = List.copyOf(entries);
        entries.clear();
        return drained;
    }
}
