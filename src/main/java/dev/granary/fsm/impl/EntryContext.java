package dev.granary.fsm.impl;

import dev.granary.fsm.MachineContext;
import dev.granary.fsm.Outcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** The context handed to one state entry's handler and behavior; bound to that entry by its epoch. */
final class EntryContext<S extends Enum<S>, E, D> implements MachineContext<S, E, D> {
    private final Runner<S, E, D> runner;
    private final Context context;
    private final Machine<S, D> machine;
    private final S state;
    private final int epoch;
    private final int attempt;
    private final boolean resumed;

    EntryContext(Runner<S, E, D> runner, Context context, Machine<S, D> machine, int epoch, int attempt, boolean resumed) {
        this.runner = runner;
        this.context = context;
        this.machine = machine;
        this.state = machine.state;
        this.epoch = epoch;
        this.attempt = attempt;
        this.resumed = resumed;
    }

    @Override
    public String machineId() {
        return machine.id;
    }

    @Override
    public S state() {
        return state;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    @Override
    public D data() {
        return machine.data;
    }

    @Override
    public Vertx vertx() {
        return context.owner();
    }

    @Override
    public Future<Outcome> send(E event) {
        Promise<Outcome> promise = Promise.promise();
        if (Vertx.currentContext() == context) {
            runner.enqueueFromEntry(machine, Pending.event(event, promise, epoch));
        } else {
            context.runOnContext(v -> runner.enqueueFromEntry(machine, Pending.event(event, promise, epoch)));
        }
        return promise.future();
    }

    @Override
    public boolean current() {
        return machine.epoch == epoch && !runner.retired(machine);
    }
}
