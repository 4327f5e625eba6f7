package dev.granary.examples.consensus;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * An application that answers every call with a failure: enough to build the definition for its diagram
 * ({@code granary fsm diagram consensus-round}), never to run a node.
 */
public final class UnwiredApplication implements SyncProvider<Unique>, VotingProvider<Unique, Unique>,
        LeaderProvider<Unique, Unique>, LivenessProvider<Unique, Unique> {

    /** The consensus definition with nothing behind its providers. */
    public static dev.granary.fsm.MachineDefinition<ConsensusState, ConsensusEvent, RoundData> definition() {
        return ConsensusMachine.definition(new ConsensusSettings("diagram", Timing.SEED, () -> 3),
                ConsensusProviders.of(new UnwiredApplication()));
    }

    private static <T> Future<T> unwired() {
        return Future.failedFuture(new UnsupportedOperationException("no consensus application is wired"));
    }

    @Override
    public Future<Unique> synchronize(Unique existing) {
        return unwired();
    }

    @Override
    public Future<Void> sendProposal(Unique proposal) {
        return unwired();
    }

    @Override
    public Future<Decision<Unique>> decideAndSendVote(Map<String, Unique> proposals) {
        return unwired();
    }

    @Override
    public Future<String> sendVote(Unique vote) {
        return unwired();
    }

    @Override
    public Future<Boolean> isQuorum(Map<String, Unique> votes) {
        return unwired();
    }

    @Override
    public Future<Finalized<Unique>> finalizeVotes(Map<String, Unique> proposals, Map<String, Unique> votes) {
        return unwired();
    }

    @Override
    public Future<Void> sendConfirmation(Unique finalized) {
        return unwired();
    }

    @Override
    public Future<List<String>> nextLeaders(Unique prior) {
        return unwired();
    }

    @Override
    public Future<Unique> proveNextState(Unique prior, Unique collected) {
        return unwired();
    }

    @Override
    public Future<Unique> collect(Unique prior) {
        return unwired();
    }

    @Override
    public Future<Void> sendLiveness(Unique prior, Unique collected) {
        return unwired();
    }
}
