package dev.granary.chain.devnet.impl;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One kind of devnet state (actors, deals, sectors...) keyed and sorted by its natural key, so iteration (and with
 * it execution order, e.g. which expired deal is processed first) is deterministic. Every write is recorded in the
 * {@link Journal} with the value it replaced. Values are immutable records; a change is a put of a new record.
 */
final class TrackedTable<K extends Comparable<K>, V> {
    private final String name;
    private final Journal journal;
    private final SortedMap<K, V> rows = new TreeMap<>();

    TrackedTable(String name, Journal journal) {
        this.name = name;
        this.journal = journal;
    }

    String name() {
        return name;
    }

    Optional<V> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    Collection<V> values() {
        return Collections.unmodifiableCollection(rows.values());
    }

    Set<K> keys() {
        return Collections.unmodifiableSet(rows.keySet());
    }

    int size() {
        return rows.size();
    }

    void put(K key, V value) {
        journal.record(this, key, rows.put(key, value));
    }

    void remove(K key) {
        if (rows.containsKey(key)) {
            journal.record(this, key, rows.remove(key));
        }
    }

    /** Rows read back from the store at startup, or a write that must never be undone (a pushed message). */
    void putUntracked(K key, V value) {
        rows.put(key, value);
    }

    /** Takes back an untracked write whose storing failed. */
    void removeUntracked(K key) {
        rows.remove(key);
    }

    @SuppressWarnings("unchecked") // the journal hands back the key and value this table recorded
    void restore(Object key, Object before) {
        if (before == null) {
            rows.remove((K) key);
        } else {
            rows.put((K) key, (V) before);
        }
    }
}
