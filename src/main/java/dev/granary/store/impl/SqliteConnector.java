package dev.granary.store.impl;

import dev.granary.store.Dialect;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.PoolOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the embedded SQLite file.
 *
 * <p>The pool has exactly one connection, and that is deliberate: SQLite allows one writer at a time,
 * and a second connection writing at the same moment gets SQLITE_BUSY ("database is locked"), which
 * busy_timeout only sometimes resolves (a deferred read-then-write transaction cannot wait its way out).
 * With one connection every statement and transaction of this node queues in the pool instead, so
 * our own writers can never collide. The cost: SQL run through the store while a transaction holds
 * the connection waits for that transaction, so work inside {@code inTransaction} must use the runner
 * it is given, never the store itself.
 */
public final class SqliteConnector {
    /**
     * sqlite-jdbc reads pragmas from the URL. WAL lets readers of the file (the CLI, backups) proceed
     * during a write. synchronous=FULL because a committed row may be a deal we already acknowledged:
     * NORMAL survives a process crash but can drop the last commits on power loss, and we never lose an
     * accepted deal; throughput comes from batching writes, not from skipping fsyncs. busy_timeout covers
     * outside readers and checkpoints; foreign keys are off in SQLite unless asked for.
     */
    static final String PRAGMAS = "?journal_mode=WAL&synchronous=FULL&busy_timeout=5000&foreign_keys=true";

    private SqliteConnector() {
    }

    public static Future<Backend> open(Vertx vertx, Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (path.toString().contains("?")) {
            // sqlite-jdbc would take everything after the '?' for pragmas and open a different file
            return Future.failedFuture(new IllegalArgumentException("the SQLite file path must not contain '?': " + path));
        }
        return vertx.executeBlocking(() -> createParent(path))
                .map(created -> new Backend(JDBCPool.pool(vertx,
                        new JDBCConnectOptions().setJdbcUrl("jdbc:sqlite:" + path + PRAGMAS),
                        new PoolOptions().setMaxSize(1).setName(Backend.POOL_NAME)),
                        Dialect.SQLITE, "sqlite:" + path));
    }

    private static Path createParent(Path path) throws java.io.IOException {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return path;
    }
}
