package dev.granary.store.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * Transactions on the SQLite pool, driven with explicit BEGIN / COMMIT / ROLLBACK statements.
 *
 * <p>Why not {@code Pool.withTransaction}: in vertx-jdbc-client 5.0.10 its commit and rollback end
 * with {@code setAutoCommit(false)} instead of {@code true} (vert-x3/vertx-jdbc-client#356, fixed by
 * #358 in a later release). The pooled connection then stays in manual-commit mode: every statement
 * run outside a transaction afterwards "succeeds" but is never committed, is lost on close, and is
 * undone by the next unrelated rollback. Leaving the JDBC connection in auto-commit mode and issuing
 * the transaction statements ourselves sidesteps that completely. IMMEDIATE takes the write lock at
 * BEGIN, so a transaction never fails halfway through by having to upgrade a read lock.
 */
final class SqliteTransaction {
    private SqliteTransaction() {
    }

    static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
        return pool.withConnection(conn -> conn.query("BEGIN IMMEDIATE").execute()
                .compose(begun -> work.apply(conn))
                .compose(
                        result -> conn.query("COMMIT").execute()
                                .map(committed -> result)
                                .recover(commitFailed -> rollback(conn, commitFailed)),
                        failure -> rollback(conn, failure)));
    }

    /** Rolls back and fails with the original cause; a failing ROLLBACK (nothing left to undo) must not hide it. */
    private static <T> Future<T> rollback(SqlConnection conn, Throwable cause) {
        return conn.query("ROLLBACK").execute().transform(rolledBack -> Future.failedFuture(cause));
    }
}
