package dev.granary.fsm;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A machine type: its states, event family, data type and transition table, frozen and checked. Knows
 * nothing about what the machines are for; {@link MachineGroup} runs them.
 */
public final class MachineDefinition<S extends Enum<S>, E, D> {
    private final String type;
    private final Class<S> stateType;
    private final Class<E> eventType;
    private final Class<D> dataType;
    private final List<Transition<S, E, D>> table;
    private final Map<Class<?>, EnumMap<S, Transition<S, E, D>>> bySource = new HashMap<>();
    private final Map<Class<?>, Transition<S, E, D>> anySource = new HashMap<>();
    private final Set<Class<? extends E>> ignorable;
    private final EnumMap<S, StateConfig<S, E, D>> states;
    private final Set<S> initial;
    private final HandlerFailure<S, E, D> failure;
    private final int logLimit;

    MachineDefinition(String type, Class<S> stateType, Class<E> eventType, Class<D> dataType,
                      List<Transition<S, E, D>> table, Set<Class<? extends E>> ignorable,
                      EnumMap<S, StateConfig<S, E, D>> states, Set<S> initial, HandlerFailure<S, E, D> failure,
                      int logLimit) {
        this.type = type;
        this.stateType = stateType;
        this.eventType = eventType;
        this.dataType = dataType;
        this.table = List.copyOf(table);
        this.ignorable = ignorable;
        this.states = states;
        this.initial = initial;
        this.failure = failure;
        this.logLimit = logLimit;
        index();
    }

    public static <S extends Enum<S>, E, D> DefinitionBuilder<S, E, D> builder(
            String type, Class<S> stateType, Class<E> eventType, Class<D> dataType) {
        return new DefinitionBuilder<>(type, stateType, eventType, dataType);
    }

    private void index() {
        for (Transition<S, E, D> row : table) {
            if (row.fromAny()) {
                if (anySource.put(row.event(), row) != null) {
                    throw new IllegalStateException(type + ": " + row.event().getSimpleName() + " has two any-state rows");
                }
                continue;
            }
            var rows = bySource.computeIfAbsent(row.event(), k -> new EnumMap<>(stateType));
            for (S source : row.sources()) {
                if (states.get(source).terminal()) {
                    throw new IllegalStateException(type + ": " + row.event().getSimpleName() + " leaves final state " + source);
                }
                if (rows.put(source, row) != null) {
                    throw new IllegalStateException(type + ": " + row.event().getSimpleName() + " has two rows from " + source);
                }
            }
        }
    }

    /**
     * The row for {@code event} in {@code state}: the state's own row first, then the any-state/global row.
     * Null when there is none. Final states have none.
     */
    public Transition<S, E, D> find(S state, Class<?> event) {
        if (states.get(state).terminal()) {
            return null;
        }
        EnumMap<S, Transition<S, E, D>> rows = bySource.get(event);
        if (rows != null) {
            Transition<S, E, D> own = rows.get(state);
            if (own != null) {
                return own;
            }
        }
        return anySource.get(event);
    }

    public boolean ignorable(Class<?> event) {
        return ignorable.contains(event);
    }

    public String type() {
        return type;
    }

    public Class<S> stateType() {
        return stateType;
    }

    public Class<E> eventType() {
        return eventType;
    }

    public Class<D> dataType() {
        return dataType;
    }

    /** Rows in declaration order (diagram, docs). */
    public List<Transition<S, E, D>> table() {
        return table;
    }

    public StateConfig<S, E, D> state(S state) {
        return states.get(state);
    }

    public Set<S> initialStates() {
        return initial;
    }

    public HandlerFailure<S, E, D> failure() {
        return failure;
    }

    public int logLimit() {
        return logLimit;
    }

    public S parseState(String name) {
        return Enum.valueOf(stateType, name);
    }
}
