package dev.granary.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import static dev.granary.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The store contract on Postgres at 127.0.0.1:5432 (user postgres, trust auth). Each test gets its own
 * database, created by the store itself on open and dropped afterwards. Without a reachable server the
 * class is skipped, loudly, except in CI where the contract must run.
 */
class PostgresStoreContractTest extends StoreContract {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    private static final SecureRandom RANDOM = new SecureRandom();

    private String database;

    /** Why Postgres cannot be used, or null when it can; probed once per class. */
    private static String unreachable;

    @BeforeAll
    static void probePostgres() throws Exception {
        unreachable = probe("Postgres store contract");
    }

    /**
     * Why Postgres cannot be used, or null when it can. Unreachable fails the calling class's
     * {@code @BeforeAll} when CI=true, and is reported as a skip of {@code contract} otherwise.
     */
    static String probe(String contract) throws Exception {
        String problem = unreachableReason();
        String reason = problem == null ? null : "Postgres at " + HOST + ":" + PORT + " is not reachable (" + problem + ")";
        if (reason != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + "; CI=true, and CI must run the " + contract);
            }
            System.err.println("SKIPPED the " + contract + ": " + reason);
        }
        return reason;
    }

    /** Per test rather than per class, so every skipped case shows up in the skipped count. */
    @BeforeEach
    void requirePostgresAndPickDatabase() {
        Assumptions.assumeTrue(unreachable == null, () -> "Postgres store contract skipped: " + unreachable);
        database = randomDatabaseName("granary_test_");
    }

    @Override
    protected StoreConfig config() {
        return new StoreConfig(urlFor(database, null), 4);
    }

    @Override
    protected Path sqliteFile() {
        return Path.of("unused-by-postgres.db");
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialect.POSTGRES;
    }

    @Override
    protected String expectedDescription() {
        return "postgres://postgres@" + HOST + ":" + PORT + "/" + database;
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (database != null) {
            drop(vertx, database);
        }
    }

    @Test
    void createsAMissingDatabase() throws Exception {
        // upper case and a dash only survive if the name is quoted as an identifier
        String name = randomDatabaseName("Granary-Test-");
        try {
            assertFalse(exists(vertx, name));

            Store store = await(Store.open(vertx, new StoreConfig(urlFor(name, null), 2), sqliteFile(), null));
            try {
                assertTrue(exists(vertx, name), name + " was not created");
                assertEquals(latestVersion(), store.schemaVersion());
            } finally {
                await(store.close());
            }
        } finally {
            drop(vertx, name);
        }
    }

    @Test
    void failsClearlyWhenTheMissingDatabaseCannotBeCreated() throws Exception {
        String role = randomDatabaseName("granary_nocreate_");
        admin(vertx, "CREATE ROLE " + role + " LOGIN NOCREATEDB");
        try {
            String url = "postgres://" + role + "@" + HOST + ":" + PORT + "/" + database;

            Throwable e = Await.failure(Store.open(vertx, new StoreConfig(url, 2), sqliteFile(), null));

            assertTrue(e.getMessage().contains("database " + database + " does not exist and creating it failed"), e.getMessage());
            assertTrue(e.getMessage().contains("CREATEDB"), e.getMessage());
            assertFalse(exists(vertx, database));
        } finally {
            admin(vertx, "DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void describeHidesThePassword() throws Exception {
        // trust auth accepts any password, so the store opens and we can look at what it shows
        Store store = await(Store.open(vertx, new StoreConfig(urlFor(database, "s3cret-pw"), 2), sqliteFile(), null));
        try {
            assertEquals(expectedDescription(), store.describe());
            assertFalse(store.describe().contains("s3cret"));
            assertFalse(store.toString().contains("s3cret"));
        } finally {
            await(store.close());
        }
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        List<Future<Store>> opening = List.of(
                Store.open(vertx, config(), sqliteFile(), null),
                Store.open(vertx, config(), sqliteFile(), null),
                Store.open(vertx, config(), sqliteFile(), null));
        await(Future.join(opening));
        try {
            for (Future<Store> store : opening) {
                assertTrue(store.succeeded(), () -> "open failed: " + store.cause());
                assertEquals(latestVersion(), store.result().schemaVersion());
            }
            assertEquals(latestVersion(), count(opening.get(0).result(), "schema_version"));
        } finally {
            for (Future<Store> store : opening) {
                if (store.succeeded()) {
                    await(store.result().close());
                }
            }
        }
    }

    static String urlFor(String database, String password) {
        return "postgres://postgres" + (password == null ? "" : ":" + password) + "@" + HOST + ":" + PORT + "/" + database;
    }

    static String randomDatabaseName(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private static PgConnectOptions maintenance() {
        return new PgConnectOptions().setHost(HOST).setPort(PORT).setUser("postgres").setDatabase("postgres");
    }

    private static String unreachableReason() throws Exception {
        Vertx probe = Vertx.vertx();
        try {
            await(PgConnection.connect(probe, maintenance()).compose(conn -> conn.close()));
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            await(probe.close());
        }
    }

    static boolean exists(Vertx vertx, String name) throws Exception {
        return await(PgConnection.connect(vertx, maintenance()).compose(conn -> conn
                .preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1").execute(Tuple.of(name))
                .eventually(conn::close))).size() == 1;
    }

    static void drop(Vertx vertx, String name) throws Exception {
        admin(vertx, "DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\" WITH (FORCE)");
    }

    private static void admin(Vertx vertx, String statement) throws Exception {
        await(PgConnection.connect(vertx, maintenance())
                .compose(conn -> conn.query(statement).execute().eventually(conn::close)));
    }
}
