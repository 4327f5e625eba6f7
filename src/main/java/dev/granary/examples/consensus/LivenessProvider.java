package dev.granary.examples.consensus;

import io.vertx.core.Future;

/**
 * Liveness announcements ahead of proving, so that peers can tell early when an expected leader is offline
 * and accept someone else's proposal without waiting for it.
 */
public interface LivenessProvider<S extends Unique, C extends Unique> {
    /**
     * The operations this node collected for the rank after {@code prior} (their rank must be that rank).
     * The original engine's collect takes no state; passing it spares the application tracking the head.
     */
    Future<C> collect(S prior);

    /** Announces that this node is alive, with what it collected. */
    Future<Void> sendLiveness(S prior, C collected);
}
