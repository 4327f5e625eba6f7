package dev.granary.fsm;

/**
 * What listeners are told after a transition is persisted. {@code from} and {@code event} are null for a
 * machine's creation.
 */
public record TransitionEvent<S extends Enum<S>, E, D>(String type, String id, S from, S to, E event, D data,
                                                      long version, long at) {
}
