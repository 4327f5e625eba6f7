package dev.granary.examples.consensus;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * The providers as the behaviors call them: with the {@link Unique} values the machine stores. The casts to
 * the application's types happen here and only here. They are unchecked: a wrong-typed payload (sent to the
 * machine from outside) fails inside the provider, the call fails, and the behavior induces a sync; the
 * machine itself is never hurt.
 */
final class ProviderCalls<S extends Unique, V extends Unique, C extends Unique> {
    private final ConsensusProviders<S, V, C> providers;

    ProviderCalls(ConsensusProviders<S, V, C> providers) {
        this.providers = providers;
    }

    Future<Unique> synchronize(Unique existing) {
        return providers.sync().synchronize(state(existing)).map(Unique.class::cast);
    }

    Future<List<String>> nextLeaders(Unique prior) {
        return providers.leader().nextLeaders(state(prior));
    }

    Future<Unique> proveNextState(Unique prior, Unique collected) {
        return providers.leader().proveNextState(state(prior), collected(collected)).map(Unique.class::cast);
    }

    Future<Unique> collect(Unique prior) {
        return providers.liveness().collect(state(prior)).map(Unique.class::cast);
    }

    Future<Void> sendLiveness(Unique prior, Unique collected) {
        return providers.liveness().sendLiveness(state(prior), collected(collected));
    }

    Future<Void> sendProposal(Unique proposal) {
        return providers.voting().sendProposal(state(proposal));
    }

    Future<VotingProvider.Decision<Unique>> decideAndSendVote(Map<String, Unique> proposals) {
        return providers.voting().decideAndSendVote(cast(proposals))
                .map(decision -> new VotingProvider.Decision<>(decision.proposer(), decision.vote()));
    }

    Future<String> sendVote(Unique vote) {
        return providers.voting().sendVote(vote(vote));
    }

    Future<Boolean> isQuorum(Map<String, Unique> votes) {
        return providers.voting().isQuorum(cast(votes));
    }

    Future<VotingProvider.Finalized<Unique>> finalizeVotes(Map<String, Unique> proposals, Map<String, Unique> votes) {
        return providers.voting().finalizeVotes(cast(proposals), cast(votes))
                .map(result -> new VotingProvider.Finalized<>(result.state(), result.proposer()));
    }

    Future<Void> sendConfirmation(Unique finalized) {
        return providers.voting().sendConfirmation(state(finalized));
    }

    @SuppressWarnings("unchecked")
    private S state(Unique value) {
        return (S) value;
    }

    @SuppressWarnings("unchecked")
    private V vote(Unique value) {
        return (V) value;
    }

    @SuppressWarnings("unchecked")
    private C collected(Unique value) {
        return (C) value;
    }

    /** Map values are checked lazily by the provider's own use, like every other cast here. */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> cast(Map<String, Unique> values) {
        return (Map<String, T>) (Map<String, ?>) values;
    }
}
