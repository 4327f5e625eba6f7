package dev.granary.fsm.impl;

import dev.granary.fsm.Outcome;
import io.vertx.core.Promise;

/**
 * A queued item for one machine: an event (or a handler retry), who waits for its outcome (may be null), and
 * the state entry it belongs to ({@link #ANY_ENTRY} for events from outside, which apply in whatever state).
 */
public record Pending(Object event, Promise<Outcome> promise, int epoch, boolean retry) {
    public static final int ANY_ENTRY = -1;

    public static Pending event(Object event, Promise<Outcome> promise, int epoch) {
        return new Pending(event, promise, epoch, false);
    }

    public static Pending retry(int epoch) {
        return new Pending(null, null, epoch, true);
    }
}
