package dev.granary.chain.devnet.impl;

import dev.granary.chain.devnet.DevnetPostgres;
import dev.granary.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class PostgresDevnetRepositoryTest extends DevnetRepositoryContract {
    private static String unreachable;
    private static String database;

    @BeforeAll
    static void probe() {
        unreachable = DevnetPostgres.unreachable("devnet repository contract on Postgres");
    }

    /** Runs before the contract opens its store (subclass @BeforeEach methods run after the superclass's). */
    @BeforeEach
    void requirePostgres() {
        Assumptions.assumeTrue(unreachable == null, () -> "skipped: " + unreachable);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        close();
        if (database != null) {
            DevnetPostgres.drop(database);
            database = null;
        }
    }

    @Override
    protected StoreConfig storeConfig() {
        Assumptions.assumeTrue(unreachable == null, () -> "skipped: " + unreachable);
        database = DevnetPostgres.newDatabaseName();
        return DevnetPostgres.store(database);
    }
}
