package dev.granary.fsm;

/**
 * Turns an entry handler failure (after the state's retries) into an event for the machine, e.g. a
 * {@code SealFailed(reason)}. Returning null records the error and leaves the machine in its state, still
 * accepting events: a failure never wedges a machine.
 */
@FunctionalInterface
public interface HandlerFailure<S extends Enum<S>, E, D> {
    E toEvent(S state, D data, Throwable error);
}
