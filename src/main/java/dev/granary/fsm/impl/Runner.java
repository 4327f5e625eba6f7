package dev.granary.fsm.impl;

import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineDefinition;
import dev.granary.fsm.Outcome;
import dev.granary.fsm.Scheduler;
import dev.granary.fsm.StateConfig;
import dev.granary.fsm.Transition;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The event loop of every machine in a group: take the next queued event, plan it against the table, persist
 * the result, then enter the new state. One event at a time per machine; everything on the group's context.
 * Steps that complete synchronously (in-memory groups, handlers that answer at once) run in a loop rather
 * than by recursion, and a machine yields the context after {@link #STEPS_PER_TURN} steps so that one busy
 * machine cannot starve the others.
 */
public final class Runner<S extends Enum<S>, E, D> {
    private static final Logger log = LoggerFactory.getLogger(Runner.class);
    static final int STEPS_PER_TURN = 64;

    private final MachineDefinition<S, E, D> definition;
    private final Context context;
    private final Scheduler scheduler;
    private final Recorder<S, D> recorder;
    private final GroupMetrics metrics;
    private final Map<String, Machine<S, D>> machines;
    private final Notifier<S, E, D> notifier;
    private final StateEntry<S, E, D> entry;

    /** Where applied transitions are announced (listeners). */
    @FunctionalInterface
    public interface Notifier<S extends Enum<S>, E, D> {
        void applied(Machine<S, D> machine, S from, E event, long at);
    }

    public Runner(MachineDefinition<S, E, D> definition, Context context, Scheduler scheduler, Recorder<S, D> recorder,
                  GroupMetrics metrics, Map<String, Machine<S, D>> machines, Notifier<S, E, D> notifier) {
        this.definition = definition;
        this.context = context;
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.metrics = metrics;
        this.machines = machines;
        this.notifier = notifier;
        this.entry = new StateEntry<>(definition, context, scheduler, recorder, metrics, this);
    }

    public void enqueue(Machine<S, D> machine, Pending pending) {
        machine.queue.add(pending);
        drain(machine);
    }

    /** Events from a handler or behavior; a retired (final) machine refuses them at once. */
    void enqueueFromEntry(Machine<S, D> machine, Pending pending) {
        if (retired(machine)) {
            complete(pending.promise(), new Outcome.Rejected(machine.state.name(), "machine is in final state " + machine.state));
            return;
        }
        enqueue(machine, pending);
    }

    boolean retired(Machine<S, D> machine) {
        return machines.get(machine.id) != machine;
    }

    /** Cancels timers and behaviors (group shutdown). */
    public void stop(Machine<S, D> machine) {
        entry.leave(machine);
    }

    public void drain(Machine<S, D> machine) {
        int budget = STEPS_PER_TURN;
        while (!machine.busy && !machine.queue.isEmpty()) {
            if (budget-- == 0) {
                yieldThenDrain(machine);
                return;
            }
            step(machine, machine.queue.poll());
        }
    }

    /** Starts a machine in its current state (creation, or resuming after a restart). */
    public void start(Machine<S, D> machine, boolean resumed) {
        entry.enter(machine, resumed);
        drain(machine);
    }

    private void yieldThenDrain(Machine<S, D> machine) {
        if (!machine.drainScheduled) {
            machine.drainScheduled = true;
            context.runOnContext(v -> {
                machine.drainScheduled = false;
                drain(machine);
            });
        }
    }

    private void step(Machine<S, D> machine, Pending pending) {
        if (pending.retry()) {
            if (pending.epoch() == machine.epoch && !machine.terminal) {
                entry.retry(machine);
            }
            return;
        }
        @SuppressWarnings("unchecked")
        E event = (E) pending.event();
        String name = event.getClass().getSimpleName();
        if (pending.epoch() != Pending.ANY_ENTRY && pending.epoch() != machine.epoch) {
            refuse(machine, pending, name, LogEntry.STALE, "sent by an earlier entry of a state the machine has left");
            return;
        }
        Transition<S, E, D> row = definition.find(machine.state, event.getClass());
        if (row == null) {
            if (definition.ignorable(event.getClass()) && !machine.terminal) {
                complete(pending.promise(), new Outcome.Ignored(machine.state.name()));
                return;
            }
            refuse(machine, pending, name, LogEntry.REJECTED, machine.terminal
                    ? "machine is in final state " + machine.state
                    : "no transition for " + name + " in state " + machine.state);
            return;
        }
        apply(machine, pending, row, event, name);
    }

    private void apply(Machine<S, D> machine, Pending pending, Transition<S, E, D> row, E event, String name) {
        D data;
        S target;
        try {
            if (!row.guard().test(machine.data, event)) {
                refuse(machine, pending, name, LogEntry.REJECTED, row.guardReason());
                return;
            }
            data = row.action().apply(machine.data, event);
            target = row.targetFrom(machine.state, event);
        } catch (RuntimeException e) {
            refuse(machine, pending, name, LogEntry.REJECTED, "action failed: " + e);
            return;
        }
        if (target == null || data == null) {
            refuse(machine, pending, name, LogEntry.REJECTED, target == null ? "the event names no target state" : "the action returned no data");
            return;
        }
        StateConfig<S, E, D> config = definition.state(target);
        long now = scheduler.now();
        boolean enters = row.entersState();
        Long deadline = enters ? (config.timeout() == null ? null : now + config.timeout().after().toMillis()) : machine.deadline;
        long version = machine.version + 1;
        long logSeq = machine.logSeq + 1;
        S from = machine.state;
        machine.busy = true;
        Future<Void> written = recorder.write(machine.id, target, data, version, logSeq, config.terminal(), deadline, now,
                name, from, LogEntry.APPLIED, null);
        Runnable after = () -> {
            if (written.failed()) {
                machine.busy = false;
                log.error("{} {}: could not persist {} ({} -> {}); event not applied", definition.type(), machine.id, name, from, target, written.cause());
                fail(pending.promise(), written.cause());
                return;
            }
            machine.state = target;
            machine.data = data;
            machine.version = version;
            machine.logSeq = Math.max(machine.logSeq, logSeq);
            machine.deadline = deadline;
            machine.terminal = config.terminal();
            metrics.left(from);
            metrics.entered(target);
            metrics.transition();
            complete(pending.promise(), new Outcome.Applied(from.name(), target.name(), version));
            notifier.applied(machine, from, event, now);
            if (enters) {
                entry.enter(machine, false);
            } else {
                machine.busy = false;
            }
        };
        if (written.isComplete()) {
            after.run();
        } else {
            written.onComplete(done -> {
                after.run();
                drain(machine);
            });
        }
    }

    private void refuse(Machine<S, D> machine, Pending pending, String name, String outcome, String reason) {
        metrics.rejected();
        if (log.isDebugEnabled()) {
            log.debug("{} {}: {} {}: {}", definition.type(), machine.id, outcome, name, reason);
        }
        recorder.note(machine, scheduler.now(), name, outcome, reason);
        complete(pending.promise(), new Outcome.Rejected(machine.state.name(), reason));
    }

    /** After a final state's handler: refuse what is still queued and let the machine go from memory. */
    void retire(Machine<S, D> machine) {
        while (!machine.queue.isEmpty()) {
            Pending pending = machine.queue.poll();
            if (!pending.retry()) {
                complete(pending.promise(), new Outcome.Rejected(machine.state.name(), "machine is in final state " + machine.state));
            }
        }
        metrics.left(machine.state);
        machines.remove(machine.id, machine);
    }

    private static void complete(Promise<Outcome> promise, Outcome outcome) {
        if (promise != null) {
            promise.tryComplete(outcome);
        }
    }

    private static void fail(Promise<Outcome> promise, Throwable cause) {
        if (promise != null) {
            promise.tryFail(cause);
        }
    }
}
