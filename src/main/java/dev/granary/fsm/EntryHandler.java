package dev.granary.fsm;

import io.vertx.core.Future;

/**
 * Work done on entering a state. Runs on the group's context and must not block (use
 * {@code vertx.executeBlocking} for blocking work). It may return the next event, or null for none, and may
 * also {@link MachineContext#send send} events. Events that reach the machine while it runs are queued and
 * applied, in order, once its future completes.
 *
 * <p><b>Handlers must be idempotent.</b> State is persisted before the handler runs, so after a crash the
 * node re-runs the current state's handler on restart: a handler may run again for the same entry.
 */
@FunctionalInterface
public interface EntryHandler<S extends Enum<S>, E, D> {
    Future<? extends E> onEntry(D data, MachineContext<S, E, D> context);
}
