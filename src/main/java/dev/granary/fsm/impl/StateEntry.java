package dev.granary.fsm.impl;

import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineDefinition;
import dev.granary.fsm.RetryPolicy;
import dev.granary.fsm.Scheduler;
import dev.granary.fsm.StateConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entering a state: arm its timeout from the persisted deadline, start its behavior, run its entry handler,
 * and deal with the handler's result or failure (retry, failure event, or a recorded error: never a wedge).
 */
final class StateEntry<S extends Enum<S>, E, D> {
    private static final Logger log = LoggerFactory.getLogger(StateEntry.class);

    private final MachineDefinition<S, E, D> definition;
    private final Context context;
    private final Scheduler scheduler;
    private final Recorder<S, D> recorder;
    private final GroupMetrics metrics;
    private final Runner<S, E, D> runner;

    StateEntry(MachineDefinition<S, E, D> definition, Context context, Scheduler scheduler, Recorder<S, D> recorder,
               GroupMetrics metrics, Runner<S, E, D> runner) {
        this.definition = definition;
        this.context = context;
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.metrics = metrics;
        this.runner = runner;
    }

    void enter(Machine<S, D> machine, boolean resumed) {
        leave(machine);
        machine.epoch++;
        machine.attempt = 1;
        machine.busy = true;
        int epoch = machine.epoch;
        StateConfig<S, E, D> config = definition.state(machine.state);
        if (!machine.terminal) {
            if (machine.deadline != null) {
                machine.timer = scheduler.schedule(machine.deadline, () -> timedOut(machine, epoch));
            }
            if (config.behavior() != null) {
                startBehavior(machine, config, epoch, resumed);
            }
        }
        runHandler(machine, config, epoch, resumed);
    }

    void retry(Machine<S, D> machine) {
        machine.busy = true;
        machine.attempt++;
        runHandler(machine, definition.state(machine.state), machine.epoch, false);
    }

    private void runHandler(Machine<S, D> machine, StateConfig<S, E, D> config, int epoch, boolean resumed) {
        if (config.entry() == null) {
            finish(machine, config, epoch, Future.succeededFuture());
            return;
        }
        Future<? extends E> result;
        try {
            result = config.entry().onEntry(machine.data, new EntryContext<>(runner, context, machine, epoch, machine.attempt, resumed));
            if (result == null) {
                result = Future.succeededFuture();
            }
        } catch (Throwable thrown) {
            result = Future.failedFuture(thrown);
        }
        if (result.isComplete()) {
            finish(machine, config, epoch, result);
        } else {
            Future<? extends E> pending = result;
            pending.onComplete(done -> {
                finish(machine, config, epoch, pending);
                runner.drain(machine);
            });
        }
    }

    private void finish(Machine<S, D> machine, StateConfig<S, E, D> config, int epoch, Future<? extends E> result) {
        machine.busy = false;
        if (result.succeeded()) {
            if (result.result() != null) {
                machine.queue.add(Pending.event(result.result(), null, epoch));
            }
        } else {
            failed(machine, config, epoch, result.cause());
        }
        if (machine.terminal) {
            runner.retire(machine);
        }
    }

    private void failed(Machine<S, D> machine, StateConfig<S, E, D> config, int epoch, Throwable error) {
        metrics.handlerError();
        long now = scheduler.now();
        String handler = "entry:" + machine.state;
        RetryPolicy retry = config.retry();
        if (machine.attempt < retry.maxAttempts() && !machine.terminal) {
            long delay = retry.delayBefore(machine.attempt + 1).toMillis();
            recorder.note(machine, now, handler, LogEntry.ERROR,
                    "attempt " + machine.attempt + " failed, retrying in " + delay + " ms: " + describe(error));
            machine.retryTimer = scheduler.schedule(now + delay, () -> {
                machine.retryTimer = -1;
                if (machine.epoch == epoch) {
                    runner.enqueue(machine, Pending.retry(epoch));
                }
            });
            return;
        }
        log.warn("{} {}: entry handler of {} failed after {} attempt(s): {}", definition.type(), machine.id,
                machine.state, machine.attempt, describe(error));
        recorder.note(machine, now, handler, LogEntry.ERROR, describe(error));
        E event = null;
        try {
            event = definition.failure().toEvent(machine.state, machine.data, error);
        } catch (RuntimeException e) {
            log.error("{} {}: the handler-failure mapping itself failed", definition.type(), machine.id, e);
        }
        if (event != null) {
            machine.queue.add(Pending.event(event, null, epoch));
        }
    }

    private void startBehavior(Machine<S, D> machine, StateConfig<S, E, D> config, int epoch, boolean resumed) {
        try {
            machine.behavior = config.behavior().start(machine.data,
                    new EntryContext<>(runner, context, machine, epoch, machine.attempt, resumed));
        } catch (RuntimeException e) {
            metrics.handlerError();
            log.warn("{} {}: behavior of {} failed to start: {}", definition.type(), machine.id, machine.state, describe(e));
            recorder.note(machine, scheduler.now(), "behavior:" + machine.state, LogEntry.ERROR, describe(e));
        }
    }

    private void timedOut(Machine<S, D> machine, int epoch) {
        machine.timer = -1;
        if (machine.epoch != epoch || machine.terminal) {
            return;
        }
        E event;
        try {
            event = definition.state(machine.state).timeout().event().apply(machine.data);
        } catch (RuntimeException e) {
            metrics.handlerError();
            recorder.note(machine, scheduler.now(), "timeout:" + machine.state, LogEntry.ERROR, describe(e));
            return;
        }
        runner.enqueue(machine, Pending.event(event, null, epoch));
    }

    /** Cancels what belonged to the entry being left: its timer, pending retry and behavior. */
    void leave(Machine<S, D> machine) {
        if (machine.timer >= 0) {
            scheduler.cancel(machine.timer);
            machine.timer = -1;
        }
        if (machine.retryTimer >= 0) {
            scheduler.cancel(machine.retryTimer);
            machine.retryTimer = -1;
        }
        if (machine.behavior != null) {
            try {
                machine.behavior.cancel();
            } catch (RuntimeException e) {
                log.warn("{} {}: cancelling the behavior of {} failed: {}", definition.type(), machine.id, machine.state, describe(e));
            }
            machine.behavior = null;
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : error.getClass().getSimpleName() + ": " + message;
    }
}
