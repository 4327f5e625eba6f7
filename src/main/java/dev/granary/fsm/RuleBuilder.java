package dev.granary.fsm;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps of one table row: {@code on(Event.class).from(A).to(B).action(...).guard(...)}. After the target
 * the row is complete and the chain continues with the next {@code on(...)}, {@code state(...)} or
 * {@code build()}.
 */
public final class RuleBuilder<S extends Enum<S>, E, D, X extends E> {
    private final DefinitionBuilder<S, E, D> definition;
    private final Class<X> event;
    private final boolean global;
    private Set<S> sources;
    private EnumSet<S> excluded;

    RuleBuilder(DefinitionBuilder<S, E, D> definition, Class<X> event, boolean global) {
        this.definition = definition;
        this.event = event;
        this.global = global;
        this.sources = global ? Set.of() : null;
    }

    public RuleBuilder<S, E, D, X> from(S state) {
        return sources(EnumSet.of(state));
    }

    @SafeVarargs
    public final RuleBuilder<S, E, D, X> fromMany(S first, S... rest) {
        return sources(EnumSet.of(first, rest));
    }

    /**
     * For a global event: every running state but these (an engine that is already stopping ignores Stop).
     * The row then lists its states explicitly.
     */
    @SafeVarargs
    public final RuleBuilder<S, E, D, X> except(S first, S... rest) {
        if (!global || !sources.isEmpty()) {
            throw new IllegalStateException(event.getSimpleName() + ": except(...) narrows a global(...) row");
        }
        excluded = EnumSet.of(first, rest);
        return this;
    }

    /** Any non-final state without its own row for this event. */
    public RuleBuilder<S, E, D, X> fromAny() {
        return sources(Set.of());
    }

    public Row to(S target) {
        return new Row(TargetKind.TO, target, null);
    }

    /** The target is carried by the event (lotus' ForceState). */
    public Row toStateOf(Function<X, S> targetOf) {
        return new Row(TargetKind.TO, null, targetOf);
    }

    public Row toNoChange() {
        return new Row(TargetKind.NO_CHANGE, null, null);
    }

    public Row toJustRecord() {
        return new Row(TargetKind.JUST_RECORD, null, null);
    }

    /** Stay and run the current state's entry handler again (restart after a crash or an operator's nudge). */
    public Row reenter() {
        return new Row(TargetKind.REENTER, null, null);
    }

    private RuleBuilder<S, E, D, X> sources(Set<S> states) {
        if (global) {
            throw new IllegalStateException(event.getSimpleName() + ": a global row applies in every running state; narrow it with except(...)");
        }
        if (sources != null) {
            throw new IllegalStateException(event.getSimpleName() + ": sources already given");
        }
        sources = states;
        return this;
    }

    /** A complete row; refine it with an action or guard, or go on declaring. */
    public final class Row extends DefinitionSteps<S, E, D> {
        private final TargetKind kind;
        private final S target;
        private final Function<X, S> targetOf;
        private BiFunction<D, X, D> action = (data, e) -> data;
        private BiPredicate<D, X> guard = (data, e) -> true;
        private String guardReason;
        private boolean actionSet;

        private Row(TargetKind kind, S target, Function<X, S> targetOf) {
            if (sources == null) {
                throw new IllegalStateException(event.getSimpleName() + ": say from(...), fromMany(...) or fromAny() before the target");
            }
            this.kind = kind;
            this.target = target;
            this.targetOf = targetOf;
            definition.add(this::toTransition);
        }

        public Row action(BiFunction<D, X, D> newData) {
            if (kind == TargetKind.JUST_RECORD) {
                throw new IllegalStateException(event.getSimpleName() + ": toJustRecord() only records; use toNoChange() to change data");
            }
            this.action = newData;
            this.actionSet = true;
            return this;
        }

        public Row guard(Predicate<D> allowed) {
            return guard((data, e) -> allowed.test(data), "guard refused");
        }

        public Row guard(BiPredicate<D, X> allowed, String reason) {
            this.guard = allowed;
            this.guardReason = reason;
            return this;
        }

        @Override
        DefinitionBuilder<S, E, D> definition() {
            return definition;
        }

        @SuppressWarnings("unchecked")
        private Transition<S, E, D> toTransition() {
            Set<S> rowSources = sources;
            if (excluded != null) {
                EnumSet<S> running = EnumSet.complementOf(excluded);
                running.removeIf(definition::terminal);
                rowSources = running;
            }
            return new Transition<>(event, rowSources, kind, target, (Function<E, S>) targetOf,
                    (BiFunction<D, E, D>) action, (BiPredicate<D, E>) guard,
                    guardReason == null ? "guard refused" : guardReason, global);
        }

        boolean hasAction() {
            return actionSet;
        }
    }
}
