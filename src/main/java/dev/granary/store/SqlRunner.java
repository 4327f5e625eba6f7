package dev.granary.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * Runs SQL against the store, either on the pool or on one transaction's connection, so repositories
 * work the same inside and outside {@link Store#inTransaction}. SQL is always written with {@code ?}
 * placeholders; the runner translates it for its {@link #dialect()}.
 */
public interface SqlRunner {
    Future<RowSet<Row>> execute(String sql, Tuple args);

    default Future<RowSet<Row>> execute(String sql) {
        return execute(sql, Tuple.tuple());
    }

    /** Runs one statement once per tuple; an empty batch fails, since Postgres refuses one too. */
    Future<RowSet<Row>> executeBatch(String sql, List<Tuple> batch);

    Dialect dialect();
}
