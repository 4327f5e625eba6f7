package dev.granary.examples.consensus;

import io.vertx.core.Future;

import java.util.List;

/** Who may propose next, and the proving of a proposal. */
public interface LeaderProvider<S extends Unique, C extends Unique> {
    /**
     * Peer identities in priority order for the rank after {@code prior}; non-empty when it succeeds. A list
     * shorter than the minimum number of provers makes the liveness check ask again.
     */
    Future<List<String>> nextLeaders(S prior);

    /**
     * A proposal (not yet final) for the rank after {@code prior}, from the collected operations. May take
     * long; if the engine moves on meanwhile, the result is ignored.
     */
    Future<S> proveNextState(S prior, C collected);
}
