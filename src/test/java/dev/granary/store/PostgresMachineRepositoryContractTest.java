package dev.granary.store;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.util.StringJoiner;

import static dev.granary.store.Await.await;

/**
 * The machine repository contract on Postgres at 127.0.0.1:5432, each test in a database of its own;
 * skipped without a reachable server except in CI (see {@link PostgresStoreContractTest#probe}).
 */
class PostgresMachineRepositoryContractTest extends MachineRepositoryContract {
    private static String unreachable;

    private String database;

    @BeforeAll
    static void probePostgres() throws Exception {
        unreachable = PostgresStoreContractTest.probe("Postgres machine repository contract");
    }

    @Override
    protected void beforeOpen() {
        Assumptions.assumeTrue(unreachable == null, () -> "Postgres machine repository contract skipped: " + unreachable);
        database = PostgresStoreContractTest.randomDatabaseName("granary_fsm_test_");
    }

    @Override
    protected StoreConfig config() {
        return new StoreConfig(PostgresStoreContractTest.urlFor(database, null), 4);
    }

    @Override
    protected Path sqliteFile() {
        return Path.of("unused-by-postgres.db");
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (database != null) {
            PostgresStoreContractTest.drop(vertx, database);
        }
    }

    /** With fresh statistics and sequential scans priced out, so the plan shows which index serves the query. */
    @Override
    protected String plan(String sql, Tuple args) throws Exception {
        await(store.execute("ANALYZE fsm_machine"));
        return await(store.inTransaction(tx -> tx.execute("SET LOCAL enable_seqscan = off")
                .compose(set -> tx.execute("EXPLAIN " + sql, args))
                .map(rows -> {
                    StringJoiner plan = new StringJoiner("\n");
                    for (Row row : rows) {
                        plan.add(row.getString(0));
                    }
                    return plan.toString();
                })));
    }
}
