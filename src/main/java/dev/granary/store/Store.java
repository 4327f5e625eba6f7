package dev.granary.store;

import dev.granary.store.impl.Backend;
import dev.granary.store.impl.Migrator;
import dev.granary.store.impl.PostgresConnector;
import dev.granary.store.impl.PostgresUrl;
import dev.granary.store.impl.SqliteConnector;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The node's database: the embedded SQLite file or a shared Postgres, migrated to the newest schema
 * on open. Repositories take it as a {@link SqlRunner}.
 *
 * <p>On SQLite the pool holds exactly one connection (see {@link SqliteConnector} for why), so writes
 * are serialized and SQLITE_BUSY cannot happen between our own writers. It also means that code
 * inside {@link #inTransaction} must use the runner it is handed: a statement sent to the store itself
 * would wait for the connection the transaction holds.
 */
public final class Store implements SqlRunner {
    private final Backend backend;
    private final int schemaVersion;
    private final StoreMetrics metrics;
    private final ClientRunner runner;

    private Store(Backend backend, int schemaVersion, MeterRegistry registry) {
        this.backend = backend;
        this.schemaVersion = schemaVersion;
        this.metrics = StoreMetrics.create(registry, backend.dialect(), schemaVersion);
        this.runner = new ClientRunner(backend.pool(), backend.dialect(), metrics);
    }

    /**
     * Opens and migrates the store.
     *
     * @param sqliteFile where the embedded database lives when {@code config.url} is empty
     * @param registry   where to report store metrics; null for none
     */
    public static Future<Store> open(Vertx vertx, StoreConfig config, Path sqliteFile, MeterRegistry registry) {
        return open(vertx, config, sqliteFile, registry, Migrator.DEFAULT_FOLDER);
    }

    /** Tests point this at other migration sets (broken, changed) under src/test/resources. */
    static Future<Store> open(Vertx vertx, StoreConfig config, Path sqliteFile, MeterRegistry registry,
                              String migrationsFolder) {
        Future<Backend> connected;
        try {
            connected = connect(vertx, config, sqliteFile);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return connected.compose(backend -> new Migrator(vertx, backend, migrationsFolder)
                .migrate()
                .map(version -> new Store(backend, version, registry))
                .recover(err -> backend.pool().close().transform(closed -> Future.failedFuture(err))));
    }

    private static Future<Backend> connect(Vertx vertx, StoreConfig config, Path sqliteFile) {
        if (config.embedded()) {
            return SqliteConnector.open(vertx, sqliteFile);
        }
        String url = config.url().strip();
        return PostgresConnector.open(vertx, PostgresUrl.parse(url), config.poolSize());
    }

    @Override
    public Future<RowSet<Row>> execute(String sql, Tuple args) {
        return runner.execute(sql, args);
    }

    @Override
    public Future<RowSet<Row>> executeBatch(String sql, List<Tuple> batch) {
        return runner.executeBatch(sql, batch);
    }

    /**
     * Runs {@code work} in one transaction: commits when its future succeeds, rolls back when it fails
     * (or throws). Everything inside must go through the runner passed in, which uses the transaction's
     * connection.
     */
    public <T> Future<T> inTransaction(Function<SqlRunner, Future<T>> work) {
        return backend.inTransaction(conn -> work.apply(new ClientRunner(conn, backend.dialect(), metrics)));
    }

    @Override
    public Dialect dialect() {
        return backend.dialect();
    }

    /**
     * The Vert.x pool itself, for what {@link SqlRunner} does not cover (cursors, streaming). Plain SQL
     * goes through {@link #execute}; transactions through {@link #inTransaction}, never
     * {@code pool().withTransaction}, which on SQLite leaves the connection in manual-commit mode
     * (vertx-jdbc-client 5.0.10 bug, see {@code SqliteTransaction}).
     */
    public Pool pool() {
        return backend.pool();
    }

    /** The highest migration applied, as of open. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Where the data lives, e.g. {@code sqlite:/home/me/.granary/db/granary.db}; never includes a password. */
    public String describe() {
        return backend.description();
    }

    public Future<Void> close() {
        metrics.remove();
        return backend.pool().close();
    }

    @Override
    public String toString() {
        return "Store[" + describe() + ", schema " + schemaVersion + "]";
    }
}
