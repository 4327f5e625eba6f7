package dev.granary.fsm;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One row of a machine's transition table.
 *
 * @param event       the event record type
 * @param sources     the states it applies in; empty means any non-final state ({@code fromAny}, global events)
 * @param kind        what happens to the state
 * @param target      the state moved to for {@link TargetKind#TO} with a fixed target, else null
 * @param targetOf    for {@link TargetKind#TO} with a target carried by the event (ForceState), else null
 * @param action      new data from old data and the event; identity when none was declared
 * @param guard       the transition is refused (and the refusal recorded) when this is false
 * @param guardReason what the log says when the guard refuses
 * @param global      declared with {@code global(...)}: applies in every non-final state that has no row of its own for
 *                    the event (a state's own row wins, so one state can treat a global event specially)
 */
public record Transition<S extends Enum<S>, E, D>(
        Class<? extends E> event,
        Set<S> sources,
        TargetKind kind,
        S target,
        Function<E, S> targetOf,
        BiFunction<D, E, D> action,
        BiPredicate<D, E> guard,
        String guardReason,
        boolean global) {

    public boolean fromAny() {
        return sources.isEmpty();
    }

    /** The state this row leads to from {@code current} for {@code event}. */
    public S targetFrom(S current, E event) {
        return switch (kind) {
            case TO -> target != null ? target : targetOf.apply(event);
            case REENTER, NO_CHANGE, JUST_RECORD -> current;
        };
    }

    /** Whether the entry handler of the resulting state runs. */
    public boolean entersState() {
        return kind == TargetKind.TO || kind == TargetKind.REENTER;
    }
}
