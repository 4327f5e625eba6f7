package dev.granary.fsm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a definition as a Mermaid {@code stateDiagram-v2}, straight from its table: the diagram cannot
 * drift from the code. Any-state and global rows that move the machine are drawn from every running state
 * they apply in; those that stay in place get one note each rather than a self-loop on every state.
 */
public final class Mermaid {
    private Mermaid() {
    }

    public static <S extends Enum<S>, E, D> String render(MachineDefinition<S, E, D> definition) {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        S[] states = definition.stateType().getEnumConstants();
        for (S state : states) {
            StateConfig<S, E, D> config = definition.state(state);
            out.append("    ").append(state.name()).append(notes(config)).append('\n');
        }
        for (S start : definition.initialStates()) {
            out.append("    [*] --> ").append(start.name()).append('\n');
        }
        for (Transition<S, E, D> row : definition.table()) {
            if (row.kind() == TargetKind.TO && row.target() == null) {
                out.append("    note left of ").append(sources(definition, row).iterator().next().name()).append(": ")
                        .append(row.event().getSimpleName()).append(" moves ")
                        .append(row.fromAny() ? "any running machine" : "it").append(" to the state the event names\n");
                continue;
            }
            if (row.fromAny() && row.kind() != TargetKind.TO) {
                // a self-loop on every running state says less than one line saying so
                out.append("    note right of ").append(anchor(definition).name()).append(": ")
                        .append(row.event().getSimpleName()).append(" in any running state (")
                        .append(row.kind() == TargetKind.REENTER ? "re-enter" : row.kind() == TargetKind.NO_CHANGE ? "update" : "record")
                        .append(")\n");
                continue;
            }
            for (S source : sources(definition, row)) {
                if (row.fromAny() && definition.find(source, row.event()) != row) {
                    continue;
                }
                edge(out, source, row);
            }
        }
        for (S state : states) {
            StateConfig<S, E, D> config = definition.state(state);
            if (config.timeout() != null) {
                out.append("    note right of ").append(state.name()).append(": timeout ")
                        .append(config.timeout().after()).append('\n');
            }
            if (config.terminal()) {
                out.append("    ").append(state.name()).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    private static <S extends Enum<S>, E, D> S anchor(MachineDefinition<S, E, D> definition) {
        return definition.initialStates().isEmpty()
                ? definition.stateType().getEnumConstants()[0]
                : definition.initialStates().stream().min(Enum::compareTo).orElseThrow();
    }

    private static <S extends Enum<S>, E, D> String notes(StateConfig<S, E, D> config) {
        StringBuilder text = new StringBuilder();
        if (config.entry() != null) {
            text.append("entry handler");
        }
        if (config.behavior() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("behavior");
        }
        if (config.retry().maxAttempts() > 1) {
            text.append(text.isEmpty() ? "" : ", ").append("retries ").append(config.retry().maxAttempts());
        }
        return text.isEmpty() ? "" : " : " + text;
    }

    private static <S extends Enum<S>, E, D> void edge(StringBuilder out, S source, Transition<S, E, D> row) {
        String event = row.event().getSimpleName();
        String label = switch (row.kind()) {
            case TO -> event;
            case REENTER -> event + " (re-enter)";
            case NO_CHANGE -> event + " (update)";
            case JUST_RECORD -> event + " (record)";
        };
        S target = row.kind() == TargetKind.TO ? row.target() : source;
        out.append("    ").append(source.name()).append(" --> ").append(target.name()).append(" : ").append(label).append('\n');
    }

    private static <S extends Enum<S>, E, D> Set<S> sources(MachineDefinition<S, E, D> definition, Transition<S, E, D> row) {
        if (!row.fromAny()) {
            return row.sources();
        }
        Set<S> all = EnumSet.noneOf(definition.stateType());
        for (S state : List.of(definition.stateType().getEnumConstants())) {
            if (!definition.state(state).terminal()) {
                all.add(state);
            }
        }
        return all;
    }
}
