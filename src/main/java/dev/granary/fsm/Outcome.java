package dev.granary.fsm;

/** What happened to one event sent to a machine. */
public sealed interface Outcome {
    /** The event moved the machine (or changed/recorded its data) and the result is persisted. */
    record Applied(String from, String to, long version) implements Outcome {
    }

    /** The event had no transition, a guard refused it, or the machine is final; recorded with the reason. */
    record Rejected(String state, String reason) implements Outcome {
    }

    /** Declared ignorable for a state without a transition: dropped without a log entry. */
    record Ignored(String state) implements Outcome {
    }
}
