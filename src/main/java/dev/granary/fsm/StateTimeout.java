package dev.granary.fsm;

import java.time.Duration;
import java.util.function.Function;

/** Fires {@code event} if the machine is still in the state {@code after} its entry; the deadline is persisted. */
public record StateTimeout<E, D>(Duration after, Function<D, ? extends E> event) {
}
