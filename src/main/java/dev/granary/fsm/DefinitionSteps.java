package dev.granary.fsm;

import java.util.function.Consumer;

/** The declaring calls available at any point of the chain, so a finished row can flow into the next. */
public abstract class DefinitionSteps<S extends Enum<S>, E, D> {
    abstract DefinitionBuilder<S, E, D> definition();

    public <X extends E> RuleBuilder<S, E, D, X> on(Class<X> event) {
        return definition().on(event);
    }

    public <X extends E> RuleBuilder<S, E, D, X> global(Class<X> event) {
        return definition().global(event);
    }

    /** Events dropped silently (no log entry) in states that have no row for them. */
    @SafeVarargs
    public final DefinitionBuilder<S, E, D> ignorable(Class<? extends E>... events) {
        for (Class<? extends E> event : events) {
            definition().addIgnorable(event);
        }
        return definition();
    }

    public DefinitionBuilder<S, E, D> state(S state, Consumer<StateBuilder<S, E, D>> spec) {
        return definition().state(state, spec);
    }

    public DefinitionBuilder<S, E, D> initial(S state) {
        return definition().initial(state);
    }

    public DefinitionBuilder<S, E, D> onHandlerFailure(HandlerFailure<S, E, D> failure) {
        return definition().onHandlerFailure(failure);
    }

    public DefinitionBuilder<S, E, D> logLimit(int entries) {
        return definition().logLimit(entries);
    }

    public MachineDefinition<S, E, D> build() {
        return definition().build();
    }
}
