package dev.granary.fsm;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/** Declares one state's entry handler, timeout, behavior, retries and finality. */
public final class StateBuilder<S extends Enum<S>, E, D> {
    private final S state;
    private EntryHandler<S, E, D> entry;
    private StateTimeout<E, D> timeout;
    private Behavior<S, E, D> behavior;
    private RetryPolicy retry = RetryPolicy.NONE;
    private boolean terminal;

    StateBuilder(S state) {
        this.state = state;
    }

    public StateBuilder<S, E, D> onEntry(EntryHandler<S, E, D> handler) {
        this.entry = Objects.requireNonNull(handler);
        return this;
    }

    public StateBuilder<S, E, D> timeout(Duration after, Function<D, ? extends E> event) {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException(state + ": timeout must be positive");
        }
        this.timeout = new StateTimeout<>(after, Objects.requireNonNull(event));
        return this;
    }

    public StateBuilder<S, E, D> behavior(Behavior<S, E, D> behavior) {
        this.behavior = Objects.requireNonNull(behavior);
        return this;
    }

    public StateBuilder<S, E, D> retry(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy);
        return this;
    }

    /** Entering this state stops the machine: its handler runs once and further events are refused. */
    public StateBuilder<S, E, D> terminal() {
        this.terminal = true;
        return this;
    }

    StateConfig<S, E, D> build() {
        return new StateConfig<>(state, entry, timeout, behavior, retry, terminal);
    }
}
