package dev.granary.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Node-wide key/value metadata (table {@code node_meta}). */
public final class MetaRepository {
    private static final String SELECT_ONE = "SELECT value FROM node_meta WHERE key = ?";
    private static final String SELECT_ALL = "SELECT key, value FROM node_meta";
    // ON CONFLICT ... DO UPDATE / DO NOTHING reads the same on SQLite (3.24+) and Postgres
    private static final String UPSERT = "INSERT INTO node_meta (key, value, updated_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
    private static final String INSERT_IF_ABSENT = "INSERT INTO node_meta (key, value, updated_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key) DO NOTHING";

    public static final int MAX_KEY_CHARS = 200;
    /** Metadata is small settings and markers; anything bigger belongs in a table of its own. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    private final SqlRunner db;

    public MetaRepository(SqlRunner db) {
        this.db = db;
    }

    public Future<Optional<String>> get(String key) {
        String problem = keyProblem(key);
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return db.execute(SELECT_ONE, Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty()
                        : Optional.of(rows.iterator().next().getString("value")));
    }

    /** Sets {@code key}, replacing any earlier value. */
    public Future<Void> put(String key, String value) {
        return write(UPSERT, key, value).mapEmpty();
    }

    /** Sets {@code key} only if it has no value yet; true when this call set it. */
    public Future<Boolean> putIfAbsent(String key, String value) {
        return write(INSERT_IF_ABSENT, key, value).map(inserted -> inserted == 1);
    }

    /** Every entry, sorted by key. */
    public Future<Map<String, String>> all() {
        return db.execute(SELECT_ALL).map(rows -> {
            Map<String, String> entries = new TreeMap<>();
            for (Row row : rows) {
                entries.put(row.getString("key"), row.getString("value"));
            }
            return Collections.unmodifiableMap(entries);
        });
    }

    private Future<Integer> write(String sql, String key, String value) {
        String problem = keyProblem(key);
        if (problem == null) {
            problem = valueProblem(key, value);
        }
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return db.execute(sql, Tuple.of(key, value, System.currentTimeMillis())).map(rows -> rows.rowCount());
    }

    private static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "node_meta key must not be empty";
        }
        if (key.length() > MAX_KEY_CHARS) {
            return "node_meta key is " + key.length() + " characters, longer than the limit of " + MAX_KEY_CHARS;
        }
        return null;
    }

    private static String valueProblem(String key, String value) {
        if (value == null) {
            return "node_meta value for " + key + " must not be null";
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            return "node_meta value for " + key + " is " + bytes + " bytes (UTF-8), over the limit of "
                    + MAX_VALUE_BYTES;
        }
        return null;
    }
}
