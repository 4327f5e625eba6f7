package dev.granary.store.impl;

import dev.granary.store.Dialect;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a pool against Postgres, creating the database on first use so that a fresh install needs
 * nothing but a server and a role allowed to create databases.
 */
public final class PostgresConnector {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnector.class);
    private static final String INVALID_CATALOG_NAME = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    /** What two CREATE DATABASE racing for the same name actually get: the loser trips the catalog's unique index. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Where CREATE DATABASE is run from; it exists on every Postgres server. */
    private static final String MAINTENANCE_DB = "postgres";

    private PostgresConnector() {
    }

    public static Future<Backend> open(Vertx vertx, PostgresUrl url, int poolSize) {
        if (poolSize < 1) {
            return Future.failedFuture(new IllegalArgumentException(
                    "store.pool-size must be at least 1 for Postgres, got " + poolSize));
        }
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(poolSize).setName(Backend.POOL_NAME))
                .connectingTo(url.connectOptions())
                .using(vertx)
                .build();
        // The pool connects lazily; one round trip here turns a bad address or a missing database
        // into a clear startup error instead of a failure in the first migration.
        return pool.query("SELECT 1").execute()
                .<Void>mapEmpty()
                .recover(err -> isSqlState(err, INVALID_CATALOG_NAME) ? createDatabase(vertx, url) : Future.failedFuture(err))
                .map(ready -> new Backend(pool, Dialect.POSTGRES, url.describe()))
                .recover(err -> pool.close().transform(closed -> Future.failedFuture(new IllegalStateException(
                        "cannot open the store at " + url.describe() + ": " + err.getMessage(), err))));
    }

    private static Future<Void> createDatabase(Vertx vertx, PostgresUrl url) {
        String statement = "CREATE DATABASE " + quoteIdentifier(url.database());
        return PgConnection.connect(vertx, url.withDatabase(MAINTENANCE_DB).connectOptions())
                .compose(conn -> conn.query(statement).execute().eventually(conn::close))
                .<Void>mapEmpty()
                .onSuccess(created -> LOG.info("created Postgres database {} (store.url named a database that did not exist)",
                        url.database()))
                // another node sharing this server may have created it a moment ago
                .recover(err -> isSqlState(err, DUPLICATE_DATABASE) || isSqlState(err, UNIQUE_VIOLATION)
                        ? Future.succeededFuture() : Future.failedFuture(
                        new IllegalStateException("database " + url.database() + " does not exist and creating it failed"
                                + " (create it by hand or grant CREATEDB to " + url.user() + "): " + err.getMessage(), err)));
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static boolean isSqlState(Throwable err, String sqlState) {
        return err instanceof DatabaseException db && sqlState.equals(db.getSqlState());
    }
}
