package dev.granary.store;

import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineRecord;
import dev.granary.fsm.MachineWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.granary.store.Await.await;
import static dev.granary.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link MachineRepository} promises the FSM engine, written once and run against each backend
 * by a subclass that supplies an empty database of the test's own.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class MachineRepositoryContract {
    static final String TYPE = "deal";
    static final long T0 = 1_750_000_000_000L;

    protected Vertx vertx;
    protected Store store;
    protected MachineRepository repo;

    /** A config for an empty database belonging to the current test only. */
    protected abstract StoreConfig config();

    /** The file the embedded backend uses; ignored by Postgres. */
    protected abstract Path sqliteFile();

    /** Runs before the store opens: skip the test or pick its database here. */
    protected void beforeOpen() {
    }

    /** Removes the test's database once the store is closed. */
    protected void dropDatabase() throws Exception {
    }

    /** The backend's query plan for {@code sql}, as one text, with scans made unattractive where the planner allows. */
    protected abstract String plan(String sql, Tuple args) throws Exception;

    @BeforeEach
    final void openStore(Vertx vertx) throws Exception {
        this.vertx = vertx;
        beforeOpen();
        store = await(Store.open(vertx, config(), sqliteFile(), null));
        repo = new MachineRepository(store);
    }

    @AfterEach
    final void closeStoreThenDrop() throws Exception {
        if (store != null) {
            await(store.close());
        }
        dropDatabase();
    }

    // ---- round trips

    @Test
    void writeThenLoadGivesBackEveryField() throws Exception {
        List<MachineRecord> machines = List.of(
                new MachineRecord(TYPE, "plain", "waiting", "{\"price\":1}", 1, 1, false, null, T0),
                new MachineRecord(TYPE, "big-numbers", "sealing", "{}", Long.MAX_VALUE, Long.MAX_VALUE - 1, false,
                        Long.MAX_VALUE, Long.MAX_VALUE),
                new MachineRecord(TYPE, "negative", "s", "x", Long.MIN_VALUE, 0, false, Long.MIN_VALUE, Long.MIN_VALUE),
                new MachineRecord(TYPE, "unicode-ü-λ-🌾", "état", "graine 🌾 ✓ ''quoted'' ? ; \\ \" \n\t\r \u0001\u001f\u007f\u2028 [1,2] {\"k\":null}", 3, 3, true,
                        T0 + 60_000, T0),
                new MachineRecord(TYPE, "empty-data", "done", "", 2, 2, true, 0L, 0),
                new MachineRecord(TYPE, "i".repeat(MachineRepository.MAX_ID_CHARS),
                        "s".repeat(MachineRepository.MAX_STATE_CHARS), "{}", 1, 1, false, null, T0));
        List<LogEntry> entries = List.of(
                new LogEntry(1, T0, "create", null, "waiting", LogEntry.APPLIED, null),
                new LogEntry(Long.MAX_VALUE - 1, Long.MAX_VALUE, "e", "a", "b", LogEntry.REJECTED, "no transition"),
                new LogEntry(0, Long.MIN_VALUE, "e", "s", null, LogEntry.STALE, ""),
                new LogEntry(3, T0, "finish ✓", "prêt", "état", LogEntry.ERROR, "échec 🌾: boom"),
                new LogEntry(2, 0, "", "", "", "", null),
                new LogEntry(1, T0, "create", null, "s", LogEntry.APPLIED, null));
        List<MachineWrite> batch = new ArrayList<>();
        for (int i = 0; i < machines.size(); i++) {
            batch.add(new MachineWrite(machines.get(i), entries.get(i), 10));
        }

        await(repo.write(batch));

        for (int i = 0; i < machines.size(); i++) {
            MachineRecord m = machines.get(i);
            assertEquals(Optional.of(m), await(repo.load(TYPE, m.id())));
            assertEquals(List.of(entries.get(i)), await(repo.log(TYPE, m.id())));
        }
        assertEquals(Optional.empty(), await(repo.load(TYPE, "never-written")));
        assertEquals(Optional.empty(), await(repo.load("other-type", "plain")));
        assertEquals(List.of(), await(repo.log(TYPE, "never-written")));
    }

    @Test
    void upsertReplacesTheWholeRow() throws Exception {
        MachineRecord first = new MachineRecord(TYPE, "d1", "waiting", "{\"a\":1}", 1, 1, false, T0 + 5, T0);
        MachineRecord second = new MachineRecord(TYPE, "d1", "done", "", 2, 2, true, null, T0 + 9);
        await(repo.write(List.of(write(first, 10))));

        await(repo.write(List.of(write(second, 10))));

        assertEquals(Optional.of(second), await(repo.load(TYPE, "d1")));
        assertEquals(1, count("fsm_machine"));
        assertEquals(List.of(1L, 2L), seqs(await(repo.log(TYPE, "d1"))));
    }

    @Test
    void emptyBatchCompletesAndWritesNothing() throws Exception {
        await(repo.write(List.of()));

        assertEquals(0, count("fsm_machine"));
        assertEquals(0, count("fsm_log"));
    }

    // ---- queries

    @Test
    void loadActiveExcludesTerminalMachinesAndOtherTypesById() throws Exception {
        List<MachineWrite> batch = new ArrayList<>();
        List<MachineRecord> expected = new ArrayList<>();
        for (int i : shuffled(30)) {
            MachineRecord m = machine(String.format("d-%03d", i), "s" + (i % 3), 1);
            boolean terminal = i % 4 == 0;
            m = terminal ? finished(m) : m;
            batch.add(write(m, 5));
            batch.add(write(new MachineRecord("sector", m.id(), "packing", "{}", 1, 1, false, null, T0), 5));
            if (!terminal) {
                expected.add(m);
            }
        }
        await(repo.write(batch));
        expected.sort((a, b) -> a.id().compareTo(b.id()));

        assertEquals(expected, await(repo.loadActive(TYPE)));
        assertEquals(30, await(repo.loadActive("sector")).size());
        assertEquals(List.of(), await(repo.loadActive("no-such-type")));

        // finishing one later takes it out, and only it
        MachineRecord last = expected.get(expected.size() - 1);
        MachineRecord done = new MachineRecord(TYPE, last.id(), "done", last.data(), 2, 2, true, null, T0 + 1);
        await(repo.write(List.of(write(done, 5))));
        assertEquals(expected.subList(0, expected.size() - 1), await(repo.loadActive(TYPE)));
    }

    @Test
    void listByStateIsByIdUpToTheLimit() throws Exception {
        List<MachineWrite> batch = new ArrayList<>();
        for (int i : shuffled(20)) {
            String state = i % 2 == 0 ? "waiting" : "sealing";
            MachineRecord m = machine(String.format("d-%02d", i), state, 1);
            batch.add(write(i == 18 ? finished(m) : m, 5));
            batch.add(write(new MachineRecord("sector", m.id(), state, "{}", 1, 1, false, null, T0), 5));
        }
        await(repo.write(batch));

        assertEquals(List.of("d-00", "d-02", "d-04", "d-06"), ids(await(repo.listByState(TYPE, "waiting", 4))));
        List<String> allWaiting = IntStream.range(0, 10).mapToObj(i -> String.format("d-%02d", 2 * i)).toList();
        assertEquals(allWaiting, ids(await(repo.listByState(TYPE, "waiting", 100))), "terminal machines are listed too");
        assertEquals(List.of("d-01"), ids(await(repo.listByState(TYPE, "sealing", 1))));
        assertEquals(List.of(), await(repo.listByState(TYPE, "waiting", 0)));
        assertEquals(List.of(), await(repo.listByState(TYPE, "no-such-state", 10)));
        for (MachineRecord m : await(repo.listByState(TYPE, "sealing", 100))) {
            assertEquals(TYPE, m.type());
            assertEquals(Optional.of(m), await(repo.load(TYPE, m.id())), "listed records are whole");
        }
    }

    // ---- the log

    @Test
    void logIsOldestFirstAndTrimmedToTheLimitAcrossBatches() throws Exception {
        // d1 keeps 5, d2 keeps 2; batches of different sizes interleave them
        int[] batchSizes = {1, 3, 1, 8, 2};
        long seq = 0;
        for (int size : batchSizes) {
            List<MachineWrite> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                seq++;
                batch.add(write(machine("d1", "s" + seq, seq), 5));
                batch.add(write(machine("d2", "s" + seq, seq), 2));
            }
            await(repo.write(batch));

            assertEquals(range(Math.max(1, seq - 4), seq), seqs(await(repo.log(TYPE, "d1"))), "d1 after seq " + seq);
            assertEquals(range(Math.max(1, seq - 1), seq), seqs(await(repo.log(TYPE, "d2"))), "d2 after seq " + seq);
        }
        assertEquals(7, count("fsm_log"), "trimmed entries are deleted, not hidden");
        List<LogEntry> log = await(repo.log(TYPE, "d1"));
        assertEquals(entry(seq, "s" + seq), log.get(log.size() - 1));
    }

    @Test
    void severalWritesOfOneMachineInABatchLastWins() throws Exception {
        List<MachineWrite> batch = new ArrayList<>();
        for (long seq = 1; seq <= 6; seq++) {
            batch.add(write(machine("d1", "s" + seq, seq), 10));
            batch.add(write(machine("d2", "s" + seq, seq), 4));
            if (seq == 3) {
                batch.add(write(machine("other", "x", 1), 10));
            }
        }

        await(repo.write(batch));

        assertEquals(Optional.of(machine("d1", "s6", 6)), await(repo.load(TYPE, "d1")));
        assertEquals(Optional.of(machine("d2", "s6", 6)), await(repo.load(TYPE, "d2")));
        assertEquals(range(1, 6), seqs(await(repo.log(TYPE, "d1"))));
        assertEquals(range(3, 6), seqs(await(repo.log(TYPE, "d2"))), "trimmed to the limit within one batch");
        assertEquals(3, count("fsm_machine"));
    }

    @Test
    void aBatchThatFailsInTheDatabaseLeavesNothingBehind() throws Exception {
        MachineRecord before = machine("d1", "waiting", 1);
        await(repo.write(List.of(write(before, 10))));

        // the second d2 write reuses seq 1: the log's primary key refuses it after d1 and d2 went in
        Throwable withinBatch = failure(repo.write(List.of(
                write(machine("d1", "sealing", 2), 10),
                write(machine("d2", "waiting", 1), 10),
                new MachineWrite(machine("d2", "sealing", 2), entry(1, "sealing"), 10))));
        // and here d1's new entry reuses the seq stored by the first batch
        Throwable againstStored = failure(repo.write(List.of(
                write(machine("d3", "waiting", 1), 10),
                new MachineWrite(machine("d1", "sealing", 2), entry(1, "sealing"), 10))));

        assertFalse(withinBatch instanceof IllegalArgumentException, "refused by the database, not by validation: " + withinBatch);
        assertFalse(againstStored instanceof IllegalArgumentException, "refused by the database, not by validation: " + againstStored);
        assertEquals(Optional.of(before), await(repo.load(TYPE, "d1")));
        assertEquals(List.of(entry(1, "waiting")), await(repo.log(TYPE, "d1")));
        assertEquals(Optional.empty(), await(repo.load(TYPE, "d2")));
        assertEquals(Optional.empty(), await(repo.load(TYPE, "d3")));
        assertEquals(1, count("fsm_machine"));
        assertEquals(1, count("fsm_log"));

        // the failed transactions left the store usable
        await(repo.write(List.of(write(machine("d1", "sealing", 2), 10), write(machine("d2", "waiting", 1), 10))));
        assertEquals(Optional.of(machine("d1", "sealing", 2)), await(repo.load(TYPE, "d1")));
        assertEquals(List.of(1L, 2L), seqs(await(repo.log(TYPE, "d1"))));
    }

    // ---- validation

    @Test
    void invalidWritesFailNamingFieldAndMachineAndStoreNothing() throws Exception {
        MachineRecord ok = machine("d1", "waiting", 1);
        String longId = "i".repeat(MachineRepository.MAX_ID_CHARS + 1);
        String bigData = "ü".repeat(MachineRepository.MAX_DATA_BYTES / 2) + "x"; // 2 bytes each in UTF-8

        assertRejected(write(with(ok, "", "d1", "s", "{}"), 5), "type must not be empty");
        assertRejected(write(with(ok, null, "d1", "s", "{}"), 5), "type must not be empty");
        assertRejected(write(with(ok, TYPE, "", "s", "{}"), 5), "deal/?: id must not be empty");
        assertRejected(write(with(ok, TYPE, null, "s", "{}"), 5), "id must not be empty");
        assertRejected(write(with(ok, TYPE, longId, "s", "{}"), 5), "id is 257 characters");
        assertRejected(write(with(ok, TYPE, "d1", "s".repeat(65), "{}"), 5), "deal/d1: state is 65 characters");
        assertRejected(write(with(ok, TYPE, "d1", "", "{}"), 5), "deal/d1: state must not be empty");
        assertRejected(write(with(ok, TYPE, "d1", "s", null), 5), "deal/d1: data must not be null");
        assertRejected(write(with(ok, TYPE, "d1", "s", bigData), 5), "deal/d1: data is 1048577 bytes");
        assertRejected(write(with(ok, TYPE, "d1", "s", "a\u0000b"), 5), "deal/d1: data contains U+0000 at index 1");
        assertRejected(write(with(ok, TYPE, "d1", "s", "a\uD83Cb"), 5), "deal/d1: data has an unpaired surrogate");
        assertRejected(write(ok, 0), "deal/d1: logLimit must be at least 1");
        assertRejected(new MachineWrite(ok, null, 5), "deal/d1: the write has no log entry");
        assertRejected(new MachineWrite(ok, new LogEntry(1, T0, null, null, "s", LogEntry.APPLIED, null), 5), "has no event");
        assertRejected(new MachineWrite(ok, new LogEntry(1, T0, "e", null, "s", null, null), 5), "has no outcome");
        assertRejected(new MachineWrite(null, entry(1, "s"), 5), "must have a machine");
        // one bad write refuses its whole batch
        Throwable mixed = failure(repo.write(List.of(write(ok, 5), write(with(ok, TYPE, "d2", "s", null), 5))));
        assertInstanceOf(IllegalArgumentException.class, mixed);

        assertEquals(0, count("fsm_machine"));
        assertEquals(0, count("fsm_log"));
        assertRejectedFuture(repo.load(TYPE, ""), "id must not be empty");
        assertRejectedFuture(repo.load("", "d1"), "type must not be empty");
        assertRejectedFuture(repo.log(TYPE, longId), "id is 257 characters");
        assertRejectedFuture(repo.loadActive(null), "type must not be empty");
        assertRejectedFuture(repo.listByState(TYPE, "s", -1), "limit must not be negative");
        assertRejectedFuture(repo.listByState(TYPE, null, 1), "state must not be null");
    }

    @Test
    void dataOfExactlyTheLimitIsKept() throws Exception {
        String data = "ü".repeat(MachineRepository.MAX_DATA_BYTES / 2);
        MachineRecord m = with(machine("d1", "s", 1), TYPE, "d1", "s", data);

        await(repo.write(List.of(write(m, 5))));

        assertEquals(Optional.of(m), await(repo.load(TYPE, "d1")));
    }

    @Test
    void longDetailsAreCutAndUnstorableCharactersReplacedNotRefused() throws Exception {
        String straddling = "x".repeat(MachineRepository.MAX_DETAIL_CHARS - 1) + "🌾tail"; // the pair sits on the limit
        List<String> details = List.of("d".repeat(5000), straddling, "nul\u0000here \uDC00 lone");

        List<MachineWrite> batch = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            batch.add(new MachineWrite(machine("d" + i, "s", 1),
                    new LogEntry(1, T0, "e", null, "s", LogEntry.ERROR, details.get(i)), 5));
        }
        await(repo.write(batch));

        assertEquals("d".repeat(MachineRepository.MAX_DETAIL_CHARS), await(repo.log(TYPE, "d0")).get(0).detail());
        assertEquals("x".repeat(MachineRepository.MAX_DETAIL_CHARS - 1), await(repo.log(TYPE, "d1")).get(0).detail());
        assertEquals("nul\uFFFDhere \uFFFD lone", await(repo.log(TYPE, "d2")).get(0).detail());
    }

    // ---- concurrency and volume

    @Test
    void twoHundredConcurrentWritesAllLand() throws Exception {
        List<Future<Void>> writes = IntStream.range(0, 200)
                .mapToObj(i -> repo.write(List.of(write(machine(String.format("c-%03d", i), "s", 1), 5))))
                .toList();
        await(Future.all(writes));

        List<MachineRecord> active = await(repo.loadActive(TYPE));
        assertEquals(200, active.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(machine(String.format("c-%03d", i), "s", 1), active.get(i));
        }
        assertEquals(200, count("fsm_log"));
    }

    @Test
    void loadActiveReturnsTwentyThousandMachines() throws Exception {
        int active = 20_000;
        List<MachineRecord> expected = new ArrayList<>(active);
        List<MachineWrite> all = new ArrayList<>();
        for (int i = 0; i < active + active / 10; i++) {
            MachineRecord m = machine(String.format("m-%06d", i), "s" + (i % 7), 1 + i % 3);
            if (i % 11 == 10) {
                m = finished(m);
            } else {
                expected.add(m);
            }
            all.add(write(m, 3));
        }
        assertEquals(active, expected.size());
        long writeStart = System.nanoTime();
        for (int from = 0; from < all.size(); from += 5_500) {
            await(repo.write(all.subList(from, Math.min(all.size(), from + 5_500))));
        }
        long writeMillis = (System.nanoTime() - writeStart) / 1_000_000;

        long loadStart = System.nanoTime();
        List<MachineRecord> loaded = await(repo.loadActive(TYPE));
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

        assertEquals(expected, loaded);
        System.out.printf("[%s] wrote %d machines in 4 batches in %d ms; loadActive of %d took %d ms%n",
                store.dialect(), all.size(), writeMillis, loaded.size(), loadMillis);
    }

    @Test
    void queriesUseTheirIndexes() throws Exception {
        // mostly finished machines, as on a node that has run for a while
        List<MachineWrite> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            MachineRecord m = machine(String.format("m-%04d", i), i % 50 == 0 ? "waiting" : "done", 1);
            batch.add(write(i % 50 == 0 ? m : finished(m), 3));
        }
        await(repo.write(batch));

        String active = plan(repo.selectActive, Tuple.of(TYPE));
        String byState = plan(repo.selectByState, Tuple.of(TYPE, "waiting", 10));

        assertTrue(active.contains("fsm_machine_active"), active);
        assertTrue(byState.contains("fsm_machine_state"), byState);
    }

    // ---- helpers

    static MachineRecord machine(String id, String state, long version) {
        return new MachineRecord(TYPE, id, state, "{\"id\":\"" + id + "\",\"v\":" + version + "}", version, version,
                false, version % 2 == 0 ? null : T0 + 1000 * version, T0 + version);
    }

    static MachineRecord finished(MachineRecord m) {
        return new MachineRecord(m.type(), m.id(), m.state(), m.data(), m.version(), m.logSeq(), true, null, m.updatedAt());
    }

    static MachineRecord with(MachineRecord m, String type, String id, String state, String data) {
        return new MachineRecord(type, id, state, data, m.version(), m.logSeq(), m.terminal(), m.deadline(), m.updatedAt());
    }

    static LogEntry entry(long seq, String to) {
        return new LogEntry(seq, T0 + seq, "event-" + seq, seq == 1 ? null : "before-" + seq, to, LogEntry.APPLIED, null);
    }

    /** The write the engine makes for {@code m}: its newest log entry has seq {@code m.logSeq()}. */
    static MachineWrite write(MachineRecord m, int logLimit) {
        return new MachineWrite(m, entry(m.logSeq(), m.state()), logLimit);
    }

    private long count(String table) throws Exception {
        return await(store.execute("SELECT COUNT(*) AS n FROM " + table)).iterator().next().getLong("n");
    }

    private static List<Long> seqs(List<LogEntry> log) {
        return log.stream().map(LogEntry::seq).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static List<String> ids(List<MachineRecord> machines) {
        return machines.stream().map(MachineRecord::id).toList();
    }

    /** 0 until n in a fixed shuffled order, so stored order never happens to be id order. */
    private static List<Integer> shuffled(int n) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(42));
        return order;
    }

    private void assertRejected(MachineWrite write, String reason) throws Exception {
        assertRejectedFuture(repo.write(List.of(write)), reason);
    }

    private static void assertRejectedFuture(Future<?> future, String reason) throws Exception {
        Throwable rejected = failure(future);
        assertInstanceOf(IllegalArgumentException.class, rejected);
        assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
    }
}
