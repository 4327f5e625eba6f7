package dev.granary.bench;

import dev.granary.bench.RingMachine.Ring;
import dev.granary.bench.RingMachine.State;
import dev.granary.fsm.DataCodec;
import dev.granary.fsm.GroupOptions;
import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineGroup;
import dev.granary.fsm.MachineRecord;
import dev.granary.fsm.MachineStore;
import dev.granary.fsm.MachineWrite;
import dev.granary.fsm.Scheduler;
import dev.granary.store.MachineRepository;
import dev.granary.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The FSM engine's benchmarks: in-memory transition rate on one context (one core), persisted rates next to
 * the store's raw single-row upsert rate at the same concurrency, and recovery of many running machines.
 */
public final class FsmBenchmark {
    private static final String RAW_UPSERT = "INSERT INTO fsm_machine (machine_type, machine_id, state, data, version, log_seq, "
            + "terminal, deadline, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?) ON CONFLICT (machine_type, machine_id) "
            + "DO UPDATE SET state = excluded.state, data = excluded.data, version = excluded.version, "
            + "log_seq = excluded.log_seq, updated_at = excluded.updated_at";

    private final Vertx vertx;

    public FsmBenchmark(Vertx vertx) {
        this.vertx = vertx;
    }

    /** {@code machines} rings of {@code steps} transitions each, all on one group, without persistence. */
    public BenchResult inMemory(int machines, int steps) throws Exception {
        return rings("in-memory", MachineStore.none(), machines, steps);
    }

    public BenchResult persisted(String label, Store store, int machines, int steps) throws Exception {
        return rings("persisted " + label, new MachineRepository(store), machines, steps);
    }

    private BenchResult rings(String name, MachineStore store, int machines, int steps) throws Exception {
        Promise<Void> allDone = Promise.promise();
        int[] done = {0};
        var definition = RingMachine.definition(() -> {
            if (++done[0] == machines) {
                allDone.complete();
            }
        });
        var group = MachineGroup.create(vertx, definition,
                new GroupOptions<>(store, DataCodec.json(Ring.class), Scheduler.vertx(vertx), null));
        String prefix = name.replace(' ', '-') + "-" + System.nanoTime() + "-";
        long start = System.nanoTime();
        List<Future<?>> created = new ArrayList<>(machines);
        for (int i = 0; i < machines; i++) {
            created.add(group.create(prefix + i, State.R0, new Ring(0, steps)));
        }
        Future.all(created).await(10, TimeUnit.MINUTES);
        allDone.future().await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] stats = group.writeStats();
        group.close().await(1, TimeUnit.MINUTES);
        long transitions = (long) machines * (steps + 2); // creation, the steps, the finish
        String note = machines + " machines x " + steps + " steps"
                + (store.persistent() ? String.format(", %.1f writes per store transaction", stats[1] / (double) Math.max(1, stats[0])) : "");
        return new BenchResult(name, "transitions", transitions, seconds, note);
    }

    /** {@code concurrency} loops each doing {@code perLoop} single-row upserts, one at a time, into the machine table. */
    public BenchResult rawUpserts(String label, Store store, int concurrency, int perLoop) throws Exception {
        String prefix = "raw-" + System.nanoTime() + "-";
        long start = System.nanoTime();
        List<Future<?>> loops = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loops.add(upsertLoop(store, prefix + i, perLoop, 0));
        }
        Future.all(loops).await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BenchResult("raw upsert " + label, "upserts", (long) concurrency * perLoop, seconds,
                concurrency + " concurrent loops x " + perLoop);
    }

    private Future<Void> upsertLoop(Store store, String id, int remaining, long version) {
        if (remaining == 0) {
            return Future.succeededFuture();
        }
        Tuple row = Tuple.of("bench-raw", id, "R" + (version % 5), "{\"steps\":" + version + ",\"limit\":0}", version, version,
                System.currentTimeMillis());
        return store.execute(RAW_UPSERT, row).compose(done -> upsertLoop(store, id, remaining - 1, version + 1));
    }

    /** Stores {@code machines} running rings, then times a fresh group's load (every machine resumed). */
    public BenchResult recovery(String label, Store store, int machines) throws Exception {
        MachineRepository repository = new MachineRepository(store);
        String prefix = "recovery-" + System.nanoTime() + "-";
        long now = System.currentTimeMillis();
        int chunk = 5_000;
        for (int from = 0; from < machines; from += chunk) {
            List<MachineWrite> batch = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(machines, from + chunk); i++) {
                String id = prefix + i;
                batch.add(new MachineWrite(new MachineRecord("bench-ring", id, "R" + (i % 5), "{\"steps\":" + i % 5 + ",\"limit\":1000}",
                        1, 1, false, null, now), new LogEntry(1, now, "created", null, "R" + (i % 5), LogEntry.APPLIED, null), 10));
            }
            repository.write(batch).await(5, TimeUnit.MINUTES);
        }
        var group = MachineGroup.create(vertx, RingMachine.idle(), repository);
        long start = System.nanoTime();
        int resumed = group.load().await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        group.close().await(1, TimeUnit.MINUTES);
        return new BenchResult("recovery " + label, "machines", resumed, seconds, "load + resume of " + machines + " running machines");
    }
}
