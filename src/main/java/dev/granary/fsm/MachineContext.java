package dev.granary.fsm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** What an entry handler or behavior sees of its machine. Valid only for the state entry it was given for. */
public interface MachineContext<S extends Enum<S>, E, D> {
    String machineId();

    S state();

    /** 1 on the first run of this entry, 2+ when a retry policy re-runs a failed handler. */
    int attempt();

    /** True when this entry is a resumption after the node restarted (the handler may have run before). */
    boolean resumed();

    Vertx vertx();

    /** The machine's data now: a behavior sees what transitions since its entry changed (votes arriving, say). */
    D data();

    /**
     * Queues an event for this machine. From a context whose state entry has ended (the machine moved on),
     * the event is dropped and recorded as stale, so a late callback cannot push a machine around.
     *
     * @return completes when the event has been applied or refused
     */
    Future<Outcome> send(E event);

    /** False once the machine has left the state entry this context belongs to. */
    boolean current();
}
