package dev.granary.store;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.StringJoiner;

import static dev.granary.store.Await.await;

class SqliteMachineRepositoryContractTest extends MachineRepositoryContract {
    @TempDir
    Path tempDir;

    @Override
    protected StoreConfig config() {
        return new StoreConfig("", 4);
    }

    @Override
    protected Path sqliteFile() {
        return tempDir.resolve("granary.db");
    }

    /** EXPLAIN QUERY PLAN names the index of every search step ("SEARCH fsm_machine USING INDEX ..."). */
    @Override
    protected String plan(String sql, Tuple args) throws Exception {
        await(store.execute("ANALYZE"));
        StringJoiner plan = new StringJoiner("\n");
        for (Row row : await(store.execute("EXPLAIN QUERY PLAN " + sql, args))) {
            plan.add(row.getString("detail"));
        }
        return plan.toString();
    }
}
