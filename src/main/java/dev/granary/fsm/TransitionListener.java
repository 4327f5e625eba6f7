package dev.granary.fsm;

/** Told of every applied transition, on the group's context, in order. Must not block. */
@FunctionalInterface
public interface TransitionListener<S extends Enum<S>, E, D> {
    void onTransition(TransitionEvent<S, E, D> transition);

    /** Returned by subscribing; cancel to stop listening. */
    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}
