package dev.granary.examples.consensus;

import io.vertx.core.Future;

import java.util.Map;

/**
 * Voting decisions and their messages, deferred to the application. Maps are keyed by peer identity. The
 * engine records this node's own proposal and vote itself, so implementations need not echo them back.
 */
public interface VotingProvider<S extends Unique, V extends Unique> {
    /** Publishes this node's proposal for the next rank. */
    Future<Void> sendProposal(S proposal);

    /** Chooses among the proposals received (by leader priority, typically), publishes the vote and returns it. */
    Future<Decision<V>> decideAndSendVote(Map<String, S> proposals);

    /** Publishes the vote again, for peers that missed it; returns the proposer it is for. */
    Future<String> sendVote(V vote);

    /** Whether the votes received so far make a quorum. */
    Future<Boolean> isQuorum(Map<String, V> votes);

    /** Folds the votes onto the winning proposal: the state to confirm, and whose it was. */
    Future<Finalized<S>> finalizeVotes(Map<String, S> proposals, Map<String, V> votes);

    /** Publishes that this node finalized {@code finalized}. */
    Future<Void> sendConfirmation(S finalized);

    /** This node's vote and the proposer it chose. */
    record Decision<V>(String proposer, V vote) {
    }

    /** The state voting settled on and the proposer it came from. */
    record Finalized<S>(S state, String proposer) {
    }
}
