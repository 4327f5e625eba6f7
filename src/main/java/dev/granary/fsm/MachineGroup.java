package dev.granary.fsm;

import dev.granary.fsm.impl.GroupMetrics;
import dev.granary.fsm.impl.Machine;
import dev.granary.fsm.impl.Pending;
import dev.granary.fsm.impl.Recorder;
import dev.granary.fsm.impl.Runner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * All machines of one type, run on one Vert.x context (the hosting verticle's). Every event of every machine
 * is applied there, one at a time per machine, in arrival order: single-threaded ownership is the whole
 * concurrency model, so nothing here locks. Calls from other threads hop onto the context first.
 */
public final class MachineGroup<S extends Enum<S>, E, D> {
    private static final Logger log = LoggerFactory.getLogger(MachineGroup.class);

    private final MachineDefinition<S, E, D> definition;
    private final Context context;
    private final GroupOptions<D> options;
    private final Map<String, Machine<S, D>> machines = new HashMap<>();
    private final Set<String> creating = new HashSet<>();
    private final List<TransitionListener<S, E, D>> listeners = new ArrayList<>();
    private final Map<String, List<TransitionListener<S, E, D>>> machineListeners = new HashMap<>();
    private final GroupMetrics metrics;
    private final Recorder<S, D> recorder;
    private final Runner<S, E, D> runner;

    private MachineGroup(MachineDefinition<S, E, D> definition, Context context, GroupOptions<D> options) {
        this.definition = definition;
        this.context = context;
        this.options = options;
        this.metrics = new GroupMetrics(options.registry(), definition.type(), definition.stateType().getEnumConstants());
        this.recorder = new Recorder<>(definition.type(), options.codec(), options.store(), definition.logLimit());
        this.runner = new Runner<>(definition, context, options.scheduler(), recorder, metrics, machines, this::notifyListeners);
    }

    /** Creates the group on the calling verticle's context (or a new one when called from outside Vert.x). */
    public static <S extends Enum<S>, E, D> MachineGroup<S, E, D> create(Vertx vertx, MachineDefinition<S, E, D> definition,
                                                                     GroupOptions<D> options) {
        return new MachineGroup<>(definition, vertx.getOrCreateContext(), options);
    }

    /** Default options: the given store, JSON data, wall-clock Vert.x timers, no metrics. */
    public static <S extends Enum<S>, E, D> MachineGroup<S, E, D> create(Vertx vertx, MachineDefinition<S, E, D> definition,
                                                                     MachineStore store) {
        return create(vertx, definition, new GroupOptions<>(store, DataCodec.json(definition.dataType()), Scheduler.vertx(vertx), null));
    }

    /** Resumes every non-final machine from the store: re-arms timers from their deadlines and re-runs entry handlers. */
    public Future<Integer> load() {
        return onContext(() -> options.store().loadActive(definition.type()).map(records -> {
            List<Machine<S, D>> resumed = new ArrayList<>(records.size());
            for (MachineRecord record : records) {
                if (machines.containsKey(record.id())) {
                    continue;
                }
                Machine<S, D> machine;
                try {
                    machine = new Machine<>(record.id(), definition.parseState(record.state()), options.codec().decode(record.data()),
                            record.version(), record.logSeq(), record.terminal(), record.deadline());
                } catch (IllegalArgumentException e) {
                    // refusing to start beats silently dropping a machine this build cannot read
                    throw new IllegalStateException(definition.type() + " " + record.id() + ": stored as state "
                            + record.state() + " which this build cannot load: " + e.getMessage(), e);
                }
                machines.put(machine.id, machine);
                metrics.entered(machine.state);
                resumed.add(machine);
            }
            resumed.forEach(machine -> runner.start(machine, true));
            log.info("{}: resumed {} machine(s)", definition.type(), resumed.size());
            return resumed.size();
        })).compose(f -> f);
    }

    /** Creates a machine in {@code initial} (persisted first) and runs that state's entry handler. */
    public Future<Outcome> create(String id, S initial, D data) {
        return onContext(() -> {
            if (machines.containsKey(id) || !creating.add(id)) {
                return Future.<Outcome>failedFuture(new IllegalStateException(definition.type() + " " + id + " already exists"));
            }
            return options.store().load(definition.type(), id).compose(existing -> {
                if (existing.isPresent()) {
                    return Future.<Outcome>failedFuture(new IllegalStateException(definition.type() + " " + id + " already exists"));
                }
                return insert(id, initial, data);
            }).onComplete(done -> creating.remove(id));
        }).compose(f -> f);
    }

    private Future<Outcome> insert(String id, S initial, D data) {
        StateConfig<S, E, D> config = definition.state(initial);
        long now = options.scheduler().now();
        Long deadline = config.timeout() == null ? null : now + config.timeout().after().toMillis();
        return recorder.write(id, initial, data, 1, 1, config.terminal(), deadline, now, "created", null, LogEntry.APPLIED, null)
                .map(written -> {
                    Machine<S, D> machine = new Machine<>(id, initial, data, 1, 1, config.terminal(), deadline);
                    machines.put(id, machine);
                    metrics.entered(initial);
                    notifyListeners(machine, null, null, now);
                    runner.start(machine, false);
                    return new Outcome.Applied("", initial.name(), 1);
                });
    }

    /**
     * Queues an event for a machine. The future completes when it has been applied (and persisted), refused
     * (recorded with the reason) or ignored. An unknown id fails; a machine that already finished is refused.
     */
    public Future<Outcome> send(String id, E event) {
        return onContext(() -> {
            Machine<S, D> machine = machines.get(id);
            if (machine != null) {
                Promise<Outcome> promise = Promise.promise();
                runner.enqueue(machine, Pending.event(event, promise, Pending.ANY_ENTRY));
                return promise.future();
            }
            return options.store().load(definition.type(), id).compose(stored -> stored
                    .<Future<Outcome>>map(record -> Future.succeededFuture(new Outcome.Rejected(record.state(),
                            "machine is in final state " + record.state())))
                    .orElseGet(() -> Future.failedFuture(new IllegalArgumentException("no " + definition.type() + " machine " + id))));
        }).compose(f -> f);
    }

    /** A running machine as it is now; empty for unknown and finished machines (see {@link #find}). */
    public Optional<Snapshot<S, D>> snapshot(String id) {
        Machine<S, D> machine = machines.get(id);
        return machine == null ? Optional.empty() : Optional.of(snapshotOf(machine));
    }

    /** A machine from memory, or from the store if it is no longer running. */
    public Future<Optional<Snapshot<S, D>>> find(String id) {
        return onContext(() -> {
            Optional<Snapshot<S, D>> running = snapshot(id);
            if (running.isPresent()) {
                return Future.succeededFuture(running);
            }
            return options.store().load(definition.type(), id).map(stored -> stored.map(this::snapshotOf));
        }).compose(f -> f);
    }

    public Future<List<LogEntry>> log(String id) {
        return options.store().log(definition.type(), id);
    }

    /** Running machines in {@code state}. */
    public List<Snapshot<S, D>> inState(S state) {
        return machines.values().stream().filter(m -> m.state == state).map(this::snapshotOf).toList();
    }

    /** Machines in {@code state} as the store has them, final states included. */
    public Future<List<Snapshot<S, D>>> listByState(S state, int limit) {
        return options.store().listByState(definition.type(), state.name(), limit)
                .map(records -> records.stream().map(this::snapshotOf).toList());
    }

    /** Machines in memory (not yet final). */
    public int running() {
        return machines.size();
    }

    public int count(S state) {
        return metrics.count(state);
    }

    public TransitionListener.Subscription listen(TransitionListener<S, E, D> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public TransitionListener.Subscription listen(String id, TransitionListener<S, E, D> listener) {
        machineListeners.computeIfAbsent(id, k -> new ArrayList<>()).add(listener);
        return () -> {
            List<TransitionListener<S, E, D>> list = machineListeners.get(id);
            if (list != null && list.remove(listener) && list.isEmpty()) {
                machineListeners.remove(id);
            }
        };
    }

    /** The context every machine of this group runs on. */
    public Context context() {
        return context;
    }

    public MachineDefinition<S, E, D> definition() {
        return definition;
    }

    /** Store transactions and writes so far (mean batch size = writes / batches). */
    public long[] writeStats() {
        return new long[]{recorder.batcher().batches(), recorder.batcher().writes()};
    }

    /** Stops timers and behaviors and forgets the machines; their persisted state stays for the next load. */
    public Future<Void> close() {
        return onContext(() -> {
            machines.values().forEach(runner::stop);
            machines.clear();
            metrics.remove();
            return (Void) null;
        });
    }

    private void notifyListeners(Machine<S, D> machine, S from, E event, long at) {
        List<TransitionListener<S, E, D>> forMachine = machineListeners.get(machine.id);
        if (listeners.isEmpty() && forMachine == null) {
            return;
        }
        TransitionEvent<S, E, D> transition = new TransitionEvent<>(definition.type(), machine.id, from, machine.state,
                event, machine.data, machine.version, at);
        for (TransitionListener<S, E, D> listener : List.copyOf(listeners)) {
            tell(listener, transition);
        }
        if (forMachine != null) {
            for (TransitionListener<S, E, D> listener : List.copyOf(forMachine)) {
                tell(listener, transition);
            }
        }
    }

    private void tell(TransitionListener<S, E, D> listener, TransitionEvent<S, E, D> transition) {
        try {
            listener.onTransition(transition);
        } catch (RuntimeException e) {
            log.warn("{} {}: a transition listener failed", definition.type(), transition.id(), e);
        }
    }

    private Snapshot<S, D> snapshotOf(Machine<S, D> machine) {
        return new Snapshot<>(machine.id, machine.state, machine.data, machine.version, machine.terminal, machine.deadline);
    }

    private Snapshot<S, D> snapshotOf(MachineRecord record) {
        return new Snapshot<>(record.id(), definition.parseState(record.state()), options.codec().decode(record.data()),
                record.version(), record.terminal(), record.deadline());
    }

    private <T> Future<T> onContext(Callable<T> work) {
        if (Vertx.currentContext() == context) {
            try {
                return Future.succeededFuture(work.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                promise.complete(work.call());
            } catch (Exception e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
