package dev.granary.fsm;

/**
 * Long-running work tied to a state (polling a deal's transfer, listening for votes): started after the
 * entry handler is started and cancelled when the machine leaves the state. It reports by sending events;
 * events it sends after cancellation are dropped.
 */
@FunctionalInterface
public interface Behavior<S extends Enum<S>, E, D> {
    Cancellable start(D data, MachineContext<S, E, D> context);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
