package dev.granary.node.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, not just the first, so an operator
 * fixes a broken setup in one pass instead of one restart per mistake.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One self-contained line per problem, each naming the key or file and the source at fault. */
    public List<String> problems() {
        return problems;
    }
}
