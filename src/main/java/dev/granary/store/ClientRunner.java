package dev.granary.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/** A {@link SqlRunner} over any Vert.x SQL client: the store's pool, or a connection inside a transaction. */
final class ClientRunner implements SqlRunner {
    private final SqlClient client;
    private final Dialect dialect;
    private final StoreMetrics metrics;

    ClientRunner(SqlClient client, Dialect dialect, StoreMetrics metrics) {
        this.client = client;
        this.dialect = dialect;
        this.metrics = metrics;
    }

    @Override
    public Future<RowSet<Row>> execute(String sql, Tuple args) {
        long start = System.nanoTime();
        return client.preparedQuery(dialect.sql(sql)).execute(driverArgs(args))
                .andThen(result -> metrics.statementDone(start, result.succeeded()));
    }

    @Override
    public Future<RowSet<Row>> executeBatch(String sql, List<Tuple> batch) {
        if (batch.isEmpty()) {
            return Future.failedFuture(new IllegalArgumentException("executeBatch needs at least one tuple: " + sql));
        }
        long start = System.nanoTime();
        return client.preparedQuery(dialect.sql(sql)).executeBatch(batch.stream().map(this::driverArgs).toList())
                .andThen(result -> metrics.statementDone(start, result.succeeded()));
    }

    /**
     * Repositories pass bytes as {@link Buffer} on both backends. vertx-jdbc-client turns a Buffer into
     * {@code Connection.createBlob()}, which sqlite-jdbc does not implement, so SQLite gets the bytes
     * as a {@code byte[]} instead (bound with setBytes).
     */
    private Tuple driverArgs(Tuple args) {
        if (dialect != Dialect.SQLITE) {
            return args;
        }
        boolean hasBuffer = false;
        for (int i = 0; i < args.size() && !hasBuffer; i++) {
            hasBuffer = args.getValue(i) instanceof Buffer;
        }
        if (!hasBuffer) {
            return args;
        }
        Tuple adapted = Tuple.tuple();
        for (int i = 0; i < args.size(); i++) {
            Object value = args.getValue(i);
            adapted.addValue(value instanceof Buffer buffer ? buffer.getBytes() : value);
        }
        return adapted;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }
}
