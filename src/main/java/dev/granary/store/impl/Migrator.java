package dev.granary.store.impl;

import dev.granary.store.Dialect;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a database up to the newest migration of a classpath folder, recording each one in
 * {@code schema_version} with the SHA-256 of its file so that an applied migration edited later is
 * caught at startup instead of silently leaving databases that differ.
 *
 * <p>Each migration runs in its own transaction together with its schema_version row: it is applied
 * completely or not at all (both SQLite and Postgres have transactional DDL). On Postgres, nodes that
 * share one database may start together, so every migration transaction first takes an advisory lock
 * and then re-checks whether another node applied that version meanwhile.
 */
public final class Migrator {
    public static final String DEFAULT_FOLDER = "db/migrations";
    /** Any fixed number works as long as every Granary node uses the same one: "granary" in ASCII. */
    static final long PG_LOCK_KEY = 0x6772616E617279L;

    static final String CREATE_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)";
    static final String SELECT_APPLIED = "SELECT version, checksum FROM schema_version ORDER BY version";
    static final String SELECT_CHECKSUM = "SELECT checksum FROM schema_version WHERE version = ?";
    static final String INSERT_VERSION = "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)";
    /** Selects a constant because the pg client logs that it cannot decode the function's void result. */
    static final String LOCK = "SELECT 1 FROM pg_advisory_xact_lock(?)";
    /** Postgres reports "already exists, skipping" as a NOTICE, which the pg client logs as a warning on every start. */
    static final String QUIET = "SET LOCAL client_min_messages = warning";

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final Vertx vertx;
    private final Backend backend;
    private final Dialect dialect;
    private final String folder;

    /** @param folder classpath folder holding an {@code INDEX} and the files it lists */
    public Migrator(Vertx vertx, Backend backend, String folder) {
        this.vertx = vertx;
        this.backend = backend;
        this.dialect = backend.dialect();
        this.folder = folder;
    }

    /** Applies what is pending and completes with the schema version reached. */
    public Future<Integer> migrate() {
        return vertx.executeBlocking(() -> MigrationFiles.load(Migrator.class.getClassLoader(), folder))
                .compose(migrations -> backend.inTransaction(conn -> lock(conn)
                                .compose(locked -> quietIfExists(conn))
                                .compose(quiet -> conn.query(CREATE_VERSION_TABLE).execute()))
                        .compose(created -> backend.pool().query(SELECT_APPLIED).execute())
                        .compose(rows -> applyPending(migrations, checksums(rows))));
    }

    private Future<Integer> applyPending(List<Migration> migrations, Map<Integer, String> applied) {
        for (Map.Entry<Integer, String> entry : applied.entrySet()) {
            int version = entry.getKey();
            if (version > migrations.size()) {
                return Future.failedFuture(new IllegalStateException("the database has migration " + version
                        + " applied but this Granary only knows migrations up to " + migrations.size()
                        + " in " + folder + ": a newer Granary has used it; run that version instead"));
            }
            Migration migration = migrations.get(version - 1);
            if (!migration.checksum().equals(entry.getValue())) {
                return Future.failedFuture(changed(migration));
            }
        }
        Future<Void> chain = Future.succeededFuture();
        for (Migration migration : migrations) {
            if (!applied.containsKey(migration.version())) {
                chain = chain.compose(previous -> apply(migration));
            }
        }
        return chain.map(done -> migrations.size());
    }

    private Future<Void> apply(Migration migration) {
        List<String> statements;
        try {
            statements = SqlText.statements(dialect.migration(migration.text()));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new IllegalStateException("migration " + migration.fileName() + ": " + e.getMessage(), e));
        }
        return backend.inTransaction(conn -> lock(conn)
                .compose(locked -> conn.preparedQuery(dialect.sql(SELECT_CHECKSUM)).execute(Tuple.of(migration.version())))
                .compose(rows -> rows.size() > 0
                        ? appliedMeanwhile(migration, rows.iterator().next().getString("checksum"))
                        : run(conn, migration, statements)));
    }

    private Future<Void> run(SqlConnection conn, Migration migration, List<String> statements) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            String where = "migration " + migration.fileName() + " failed at statement " + (i + 1) + " ("
                    + abbreviate(statement) + "): ";
            chain = chain.compose(previous -> conn.query(statement).execute()
                    .recover(err -> Future.failedFuture(new IllegalStateException(where + err.getMessage(), err)))
                    .mapEmpty());
        }
        Tuple row = Tuple.of(migration.version(), migration.name(), migration.checksum(), System.currentTimeMillis());
        return chain
                .compose(ran -> conn.preparedQuery(dialect.sql(INSERT_VERSION)).execute(row))
                .<Void>mapEmpty()
                .onSuccess(recorded -> LOG.info("applied migration {} ({} statements)", migration.fileName(), statements.size()));
    }

    private Future<Void> appliedMeanwhile(Migration migration, String checksum) {
        if (!migration.checksum().equals(checksum)) {
            return Future.failedFuture(changed(migration));
        }
        LOG.info("migration {} was applied by another node meanwhile", migration.fileName());
        return Future.succeededFuture();
    }

    private Future<Void> lock(SqlConnection conn) {
        if (dialect != Dialect.POSTGRES) {
            return Future.succeededFuture(); // the single SQLite connection already serializes everything
        }
        return conn.preparedQuery(dialect.sql(LOCK)).execute(Tuple.of(PG_LOCK_KEY)).mapEmpty();
    }

    private Future<Void> quietIfExists(SqlConnection conn) {
        return dialect == Dialect.POSTGRES ? conn.query(QUIET).execute().mapEmpty() : Future.succeededFuture();
    }

    private static Map<Integer, String> checksums(RowSet<Row> rows) {
        Map<Integer, String> applied = new TreeMap<>();
        for (Row row : rows) {
            applied.put(row.getInteger("version"), row.getString("checksum"));
        }
        return applied;
    }

    private static IllegalStateException changed(Migration migration) {
        return new IllegalStateException("migration " + migration.fileName() + " was changed after it was applied"
                + " to this database (its SHA-256 differs from schema_version); restore the file and put the"
                + " change in a new migration");
    }

    private static String abbreviate(String statement) {
        String oneLine = statement.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
