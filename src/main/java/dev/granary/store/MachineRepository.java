package dev.granary.store;

import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineRecord;
import dev.granary.fsm.MachineStore;
import dev.granary.fsm.MachineWrite;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The FSM engine's machines and their bounded logs in the store (tables {@code fsm_machine} and
 * {@code fsm_log}, migration V002).
 *
 * <p>A {@link #write} batch is one transaction of three statements, each sent with
 * {@code executeBatch} (one round trip however many writes the batch holds): upsert the machines,
 * insert the log entries, trim the logs. Within a batch the last write of a machine wins. Upserts and
 * trims go in (type, id) order, so two batches on Postgres that touch the same machines lock them in
 * the same order and cannot deadlock.
 *
 * <p>On SQLite, reads ask for each machine as one JSON array ({@code json_array(...)}) instead of nine
 * columns. vertx-jdbc-client looks up the JDBC metadata of every cell it decodes (declared type, name,
 * class: native calls and regular expressions in sqlite-jdbc), about 5 µs a cell; packed, loadActive
 * of 100,000 machines took 0.5 to 1 s where nine columns took about 4.5 s. JSON keeps every value exact:
 * integers are written as 64-bit decimals, text is escaped, NULL stays null.
 *
 * <p>Lists come back ordered by id in the database's collation: code point order on SQLite and on
 * Postgres databases created with the C or C.UTF-8 collation (what {@link String#compareTo} gives for
 * ids without characters beyond U+FFFF), the locale's order on others.
 */
public final class MachineRepository implements MachineStore {
    private static final String MACHINE_COLUMNS =
            "machine_type, machine_id, state, data, version, log_seq, terminal, deadline, updated_at";
    // ON CONFLICT ... DO UPDATE reads the same on SQLite (3.24+) and Postgres
    private static final String UPSERT = "INSERT INTO fsm_machine (" + MACHINE_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (machine_type, machine_id) DO UPDATE SET "
            + "state = excluded.state, data = excluded.data, version = excluded.version, "
            + "log_seq = excluded.log_seq, terminal = excluded.terminal, deadline = excluded.deadline, "
            + "updated_at = excluded.updated_at";
    private static final String INSERT_LOG = "INSERT INTO fsm_log "
            + "(machine_type, machine_id, seq, at, event, from_state, to_state, outcome, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TRIM_LOG = "DELETE FROM fsm_log WHERE machine_type = ? AND machine_id = ? AND seq <= ?";
    /** How SQLite returns a machine: every column packed into one JSON array, see the class comment. */
    private static final String MACHINE_AS_JSON = "json_array(" + MACHINE_COLUMNS + ")";
    /** "terminal = 0" is spelled out, not bound: only then can either planner use the partial index fsm_machine_active. */
    private static final String FROM_ACTIVE = " FROM fsm_machine WHERE machine_type = ? AND terminal = 0 ORDER BY machine_id";
    private static final String FROM_ONE = " FROM fsm_machine WHERE machine_type = ? AND machine_id = ?";
    private static final String FROM_STATE = " FROM fsm_machine WHERE machine_type = ? AND state = ? ORDER BY machine_id LIMIT ?";
    private static final String SELECT_LOG = "SELECT seq, at, event, from_state, to_state, outcome, detail "
            + "FROM fsm_log WHERE machine_type = ? AND machine_id = ? ORDER BY seq";

    public static final int MAX_ID_CHARS = 256;
    public static final int MAX_STATE_CHARS = 64;
    /** Encoded machine data, in UTF-8 bytes. */
    public static final int MAX_DATA_BYTES = 1024 * 1024;
    /** Longer log details (typically exception messages) are cut to this many characters, never refused. */
    public static final int MAX_DETAIL_CHARS = 1000;

    private final Store store;
    private final boolean packed;
    // package-private so the contract can check their query plans
    final String selectActive;
    final String selectOne;
    final String selectByState;

    public MachineRepository(Store store) {
        this.store = store;
        this.packed = store.dialect() == Dialect.SQLITE;
        String machine = "SELECT " + (packed ? MACHINE_AS_JSON : MACHINE_COLUMNS);
        this.selectActive = machine + FROM_ACTIVE;
        this.selectOne = machine + FROM_ONE;
        this.selectByState = machine + FROM_STATE;
    }

    /**
     * Stores the batch in one transaction: completes once it is committed (durable), fails as a whole.
     * An invalid write fails the batch before anything is sent, with an {@link IllegalArgumentException}
     * naming the field and the machine.
     */
    @Override
    public Future<Void> write(List<MachineWrite> batch) {
        if (batch == null) {
            return Future.failedFuture(new IllegalArgumentException("fsm write needs a batch, got null"));
        }
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<Key, Tuple> upserts = new TreeMap<>(); // the last write of each machine, in key order
        Map<Key, Long> trimUpTo = new TreeMap<>();
        List<Tuple> logRows = new ArrayList<>(batch.size());
        for (MachineWrite write : batch) {
            String problem = MachineInput.problem(write);
            if (problem != null) {
                return Future.failedFuture(new IllegalArgumentException(problem));
            }
            MachineRecord m = write.machine();
            LogEntry e = write.entry();
            Key key = new Key(m.type(), m.id());
            upserts.put(key, Tuple.of(m.type(), m.id(), m.state(), m.data(), m.version(), m.logSeq(),
                    m.terminal() ? (short) 1 : (short) 0, m.deadline(), m.updatedAt()));
            logRows.add(Tuple.of(m.type(), m.id(), e.seq(), e.at(), e.event(), e.from(), e.to(), e.outcome(),
                    MachineInput.detail(e.detail())));
            // entries are numbered consecutively per machine, so keeping "the newest logLimit after each
            // write" is keeping seq above the batch's highest (seq - logLimit): one DELETE per machine
            long upTo = e.seq() >= Long.MIN_VALUE + write.logLimit() ? e.seq() - write.logLimit() : Long.MIN_VALUE;
            trimUpTo.merge(key, upTo, Math::max);
        }
        List<Tuple> trims = new ArrayList<>(trimUpTo.size());
        trimUpTo.forEach((key, upTo) -> trims.add(Tuple.of(key.type(), key.id(), upTo)));
        List<Tuple> machineRows = List.copyOf(upserts.values());
        return store.inTransaction(tx -> tx.executeBatch(UPSERT, machineRows)
                .compose(upserted -> tx.executeBatch(INSERT_LOG, logRows))
                .compose(logged -> tx.executeBatch(TRIM_LOG, trims))
                .mapEmpty());
    }

    /** Every machine of {@code type} not in a final state, by id. */
    @Override
    public Future<List<MachineRecord>> loadActive(String type) {
        String problem = MachineInput.typeProblem(type);
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return store.execute(selectActive, Tuple.of(type)).map(this::records);
    }

    @Override
    public Future<Optional<MachineRecord>> load(String type, String id) {
        String problem = MachineInput.keyProblem(type, id);
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return store.execute(selectOne, Tuple.of(type, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(record(rows.iterator().next())));
    }

    /** The machine's kept entries, oldest first; empty for a machine never written. */
    @Override
    public Future<List<LogEntry>> log(String type, String id) {
        String problem = MachineInput.keyProblem(type, id);
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return store.execute(SELECT_LOG, Tuple.of(type, id)).map(rows -> {
            List<LogEntry> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(new LogEntry(row.getLong(0), row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6)));
            }
            return Collections.unmodifiableList(entries);
        });
    }

    @Override
    public Future<List<MachineRecord>> listByState(String type, String state, int limit) {
        String problem = MachineInput.typeProblem(type);
        if (problem == null && state == null) {
            problem = "fsm listByState of " + type + ": state must not be null";
        }
        if (problem == null && limit < 0) {
            problem = "fsm listByState of " + type + ": limit must not be negative, got " + limit;
        }
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        if (limit == 0) {
            return Future.succeededFuture(List.of());
        }
        return store.execute(selectByState, Tuple.of(type, state, limit)).map(this::records);
    }

    private record Key(String type, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byType = type.compareTo(other.type);
            return byType != 0 ? byType : id.compareTo(other.id);
        }
    }

    private List<MachineRecord> records(RowSet<Row> rows) {
        List<MachineRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(record(row));
        }
        return Collections.unmodifiableList(records);
    }

    /** By position, in {@link #MACHINE_COLUMNS} order. */
    private MachineRecord record(Row row) {
        if (packed) {
            JsonArray columns = new JsonArray(row.getString(0));
            return new MachineRecord(columns.getString(0), columns.getString(1), columns.getString(2),
                    columns.getString(3), columns.getLong(4), columns.getLong(5), columns.getLong(6) != 0,
                    columns.getLong(7), columns.getLong(8));
        }
        return new MachineRecord(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                row.getLong(4), row.getLong(5), row.getLong(6) != 0, row.getLong(7), row.getLong(8));
    }
}
