package dev.granary.fsm;

/** Everything declared about one state besides the transitions out of it. */
public record StateConfig<S extends Enum<S>, E, D>(
        S state,
        EntryHandler<S, E, D> entry,
        StateTimeout<E, D> timeout,
        Behavior<S, E, D> behavior,
        RetryPolicy retry,
        boolean terminal) {

    static <S extends Enum<S>, E, D> StateConfig<S, E, D> plain(S state) {
        return new StateConfig<>(state, null, null, null, RetryPolicy.NONE, false);
    }
}
