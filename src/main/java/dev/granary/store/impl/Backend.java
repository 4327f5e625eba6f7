package dev.granary.store.impl;

import dev.granary.store.Dialect;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * A connected pool and what the store needs to know about it.
 *
 * @param description where the data lives, safe to log: never holds a password
 */
public record Backend(Pool pool, Dialect dialect, String description) {
    /** The name the pool reports its metrics under. */
    public static final String POOL_NAME = "granary-store";

    /**
     * Runs {@code work} in a transaction on one connection: commit on success, rollback on failure.
     * Every transaction in the store goes through here, never through {@code Pool.withTransaction}
     * directly, because on SQLite that one is broken (see {@link SqliteTransaction}).
     */
    public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
        Function<SqlConnection, Future<T>> guarded = conn -> {
            try {
                Future<T> result = work.apply(conn);
                return result != null ? result
                        : Future.failedFuture(new NullPointerException("transaction work returned no future"));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        };
        return dialect == Dialect.SQLITE ? SqliteTransaction.run(pool, guarded) : pool.withTransaction(guarded);
    }
}
