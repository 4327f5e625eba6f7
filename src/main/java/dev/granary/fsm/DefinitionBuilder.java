package dev.granary.fsm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Collects a machine type's table and state declarations; {@link #build()} checks them and freezes them. */
public final class DefinitionBuilder<S extends Enum<S>, E, D> extends DefinitionSteps<S, E, D> {
    private final String type;
    private final Class<S> stateType;
    private final Class<E> eventType;
    private final Class<D> dataType;
    private final List<Supplier<Transition<S, E, D>>> rows = new ArrayList<>();
    private final Set<Class<? extends E>> ignorable = new LinkedHashSet<>();
    private final EnumMap<S, StateConfig<S, E, D>> states;
    private final Set<S> initial;
    private HandlerFailure<S, E, D> failure = (state, data, error) -> null;
    private int logLimit = 100;

    DefinitionBuilder(String type, Class<S> stateType, Class<E> eventType, Class<D> dataType) {
        if (type == null || !type.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("machine type must be lower-case kebab-case: " + type);
        }
        this.type = type;
        this.stateType = Objects.requireNonNull(stateType);
        this.eventType = Objects.requireNonNull(eventType);
        this.dataType = Objects.requireNonNull(dataType);
        this.states = new EnumMap<>(stateType);
        this.initial = EnumSet.noneOf(stateType);
    }

    @Override
    DefinitionBuilder<S, E, D> definition() {
        return this;
    }

    @Override
    public <X extends E> RuleBuilder<S, E, D, X> on(Class<X> event) {
        return new RuleBuilder<>(this, checkEvent(event), false);
    }

    /** An event accepted in every non-final state (Restart, ForceState, Terminate), declared once. */
    @Override
    public <X extends E> RuleBuilder<S, E, D, X> global(Class<X> event) {
        return new RuleBuilder<>(this, checkEvent(event), true);
    }

    DefinitionBuilder<S, E, D> addIgnorable(Class<? extends E> event) {
        ignorable.add(checkEvent(event));
        return this;
    }

    @Override
    public DefinitionBuilder<S, E, D> state(S state, Consumer<StateBuilder<S, E, D>> spec) {
        if (states.containsKey(state)) {
            throw new IllegalStateException(type + ": state " + state + " declared twice");
        }
        StateBuilder<S, E, D> builder = new StateBuilder<>(state);
        spec.accept(builder);
        states.put(state, builder.build());
        return this;
    }

    /** States machines are usually created in (drawn as [*] --> state). */
    @Override
    public DefinitionBuilder<S, E, D> initial(S state) {
        initial.add(state);
        return this;
    }

    @Override
    public DefinitionBuilder<S, E, D> onHandlerFailure(HandlerFailure<S, E, D> failure) {
        this.failure = Objects.requireNonNull(failure);
        return this;
    }

    /** Per-machine log entries kept in the store (older ones are trimmed). */
    @Override
    public DefinitionBuilder<S, E, D> logLimit(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("logLimit must be at least 1");
        }
        this.logLimit = entries;
        return this;
    }

    /** Whether a state was declared terminal so far (except(...) leaves final states out). */
    boolean terminal(S state) {
        StateConfig<S, E, D> config = states.get(state);
        return config != null && config.terminal();
    }

    void add(Supplier<Transition<S, E, D>> row) {
        rows.add(row);
    }

    @Override
    public MachineDefinition<S, E, D> build() {
        List<Transition<S, E, D>> table = rows.stream().map(Supplier::get).toList();
        EnumMap<S, StateConfig<S, E, D>> configs = new EnumMap<>(stateType);
        for (S state : stateType.getEnumConstants()) {
            configs.put(state, states.getOrDefault(state, StateConfig.plain(state)));
        }
        return new MachineDefinition<>(type, stateType, eventType, dataType, table, Set.copyOf(ignorable), configs,
                Set.copyOf(initial), failure, logLimit);
    }

    private <X extends E> Class<X> checkEvent(Class<X> event) {
        if (!event.isRecord() || !eventType.isAssignableFrom(event)) {
            throw new IllegalArgumentException(type + ": " + event.getName() + " must be a record implementing " + eventType.getName());
        }
        return event;
    }
}
