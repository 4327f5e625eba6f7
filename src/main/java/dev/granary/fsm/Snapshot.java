package dev.granary.fsm;

/** A machine's state and data at one moment. */
public record Snapshot<S extends Enum<S>, D>(String id, S state, D data, long version, boolean terminal, Long deadline) {
}
