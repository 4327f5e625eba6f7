package dev.granary.examples.consensus;

import dev.granary.examples.consensus.ConsensusEvent.AggregationDone;
import dev.granary.examples.consensus.ConsensusEvent.CleanupComplete;
import dev.granary.examples.consensus.ConsensusEvent.PublishComplete;
import dev.granary.examples.consensus.ConsensusEvent.QuorumReached;
import dev.granary.examples.consensus.ConsensusEvent.VerificationDone;
import dev.granary.examples.consensus.ConsensusEvent.VoteReceived;
import dev.granary.fsm.Behavior;
import dev.granary.fsm.MachineContext;

import java.util.Map;

import static dev.granary.examples.consensus.PreparationBehaviors.induceSync;

/** What the engine does while publishing, voting, finalizing, verifying and stopping. */
final class DecisionBehaviors {
    private final ConsensusSettings settings;
    private final ProviderCalls<?, ?, ?> calls;

    DecisionBehaviors(ConsensusSettings settings, ProviderCalls<?, ?, ?> calls) {
        this.settings = settings;
        this.calls = calls;
    }

    /** Publish our proposal if we proved one; without one, the state's timeout moves on to voting. */
    Behavior.Cancellable publishing(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        Unique own = data.proposals().get(data.nextRank(), settings.self());
        if (own != null) {
            scope.call(() -> calls.sendProposal(own), sent -> ctx.send(new PublishComplete()),
                    failed -> induceSync(ctx, "publishing failed", failed));
        }
        return scope;
    }

    /**
     * Vote once per round, then poll: quorum moves on to finalizing, otherwise our vote is sent again for
     * peers that missed it. The original engine polls only after the state is re-entered; polling right
     * after voting is the same loop without waiting for a timeout or a late proposal.
     */
    Behavior.Cancellable voting(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        voteOrCount(scope, ctx, data);
        return scope;
    }

    private void voteOrCount(BehaviorScope scope, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx, RoundData data) {
        long rank = data.nextRank();
        if (data.chosenProposer() == null) {
            Map<String, Unique> proposals = data.proposals().at(rank);
            if (proposals.isEmpty()) {
                induceSync(ctx, "no proposals to vote on", null);
                return;
            }
            scope.call(() -> calls.decideAndSendVote(proposals), decision -> {
                ctx.send(new VoteReceived(decision.proposer(), settings.self(), decision.vote()));
                pollAgain(scope, ctx);
            }, failed -> induceSync(ctx, "voting failed", failed));
            return;
        }
        Map<String, Unique> votes = data.votes().at(rank);
        scope.call(() -> calls.isQuorum(votes), quorum -> {
            if (quorum) {
                ctx.send(new QuorumReached());
                return;
            }
            Unique own = votes.get(settings.self());
            if (own == null) {
                induceSync(ctx, "prover has no vote", null);
                return;
            }
            scope.call(() -> calls.sendVote(own), sent -> pollAgain(scope, ctx),
                    failed -> induceSync(ctx, "re-sending the vote failed", failed));
        }, failed -> induceSync(ctx, "quorum check failed", failed));
    }

    private void pollAgain(BehaviorScope scope, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        scope.after(settings.timing().votePoll(), () -> voteOrCount(scope, ctx, ctx.data()));
    }

    /** Fold the votes onto the winning proposal. */
    Behavior.Cancellable finalizing(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        long rank = data.nextRank();
        scope.call(() -> calls.finalizeVotes(data.proposals().at(rank), data.votes().at(rank)),
                result -> {
                    if (result == null || result.state() == null) {
                        induceSync(ctx, "aggregation produced no state", null);
                    } else {
                        ctx.send(new AggregationDone(result.state(), result.proposer()));
                    }
                },
                failed -> induceSync(ctx, "aggregation failed", failed));
        return scope;
    }

    /** Confirm the finalized state, then make it the active one; without one, wait for the timeout. */
    Behavior.Cancellable verifying(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        Unique next = data.nextState();
        if (next == null) {
            return scope;
        }
        if (data.confirmations().get(data.nextRank(), settings.self()) != null) {
            ctx.send(new VerificationDone());
            return scope;
        }
        scope.call(() -> calls.sendConfirmation(next), sent -> ctx.send(new VerificationDone()),
                failed -> induceSync(ctx, "sending the confirmation failed", failed));
        return scope;
    }

    Behavior.Cancellable stopping(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        ctx.send(new CleanupComplete());
        return () -> { };
    }
}
