package dev.granary.chain.devnet;

import dev.granary.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class PostgresDevnetRestartTest extends DevnetRestartContract {
    private static String unreachable;
    private String database;

    @BeforeAll
    static void probe() {
        unreachable = DevnetPostgres.unreachable("devnet restart contract on Postgres");
    }

    @BeforeEach
    void pickDatabase() {
        Assumptions.assumeTrue(unreachable == null, () -> "skipped: " + unreachable);
        database = DevnetPostgres.newDatabaseName();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        stop();
        if (database != null) {
            DevnetPostgres.drop(database);
        }
    }

    @Override
    protected StoreConfig store() {
        return DevnetPostgres.store(database);
    }
}
