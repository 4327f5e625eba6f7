package dev.granary.chain.devnet;

import dev.granary.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Postgres at 127.0.0.1:5432 (user postgres, trust auth) for the devnet's backend tests: a fresh database per
 * test, which the store creates on open, dropped afterwards. Unreachable, the tests are skipped with a message,
 * except under CI=true where they must run.
 */
public final class DevnetPostgres {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevnetPostgres() {
    }

    /** Why Postgres cannot be used, or null when it can. */
    public static String unreachable(String what) {
        Vertx probe = Vertx.vertx();
        try {
            PgConnection.connect(probe, maintenance()).compose(PgConnection::close).await(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            String reason = "Postgres at " + HOST + ":" + PORT + " is not reachable (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + "; CI=true, and CI must run the " + what);
            }
            System.err.println("SKIPPED the " + what + ": " + reason);
            return reason;
        } finally {
            probe.close().await();
        }
    }

    public static String newDatabaseName() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "granary_devnet_" + HexFormat.of().formatHex(bytes);
    }

    public static StoreConfig store(String database) {
        return new StoreConfig("postgres://postgres@" + HOST + ":" + PORT + "/" + database, 4);
    }

    public static void drop(String database) throws Exception {
        Vertx admin = Vertx.vertx();
        try {
            PgConnection.connect(admin, maintenance())
                    .compose(conn -> conn.query("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)").execute()
                            .eventually(conn::close))
                    .await(30, TimeUnit.SECONDS);
        } finally {
            admin.close().await();
        }
    }

    private static PgConnectOptions maintenance() {
        return new PgConnectOptions().setHost(HOST).setPort(PORT).setUser("postgres").setDatabase("postgres");
    }
}
