package dev.granary.examples.consensus;

import dev.granary.examples.consensus.ConsensusEvent.CollectionDone;
import dev.granary.examples.consensus.ConsensusEvent.InduceSync;
import dev.granary.examples.consensus.ConsensusEvent.LivenessCheckReceived;
import dev.granary.examples.consensus.ConsensusEvent.ProofComplete;
import dev.granary.examples.consensus.ConsensusEvent.ProverSignal;
import dev.granary.examples.consensus.ConsensusEvent.PublishTimeout;
import dev.granary.examples.consensus.ConsensusEvent.SyncComplete;
import dev.granary.examples.consensus.ConsensusEvent.SyncTimeout;
import dev.granary.fsm.Behavior;
import dev.granary.fsm.MachineContext;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * What the engine does while loading, collecting, checking liveness and proving. Each behavior reports by
 * sending events; a provider failure induces a sync, as in the original engine.
 */
final class PreparationBehaviors {
    /**
     * Proving: a lower-priority leader's proposal is accepted only after (its position + this many) polls,
     * so the better leaders get time to publish first.
     */
    static final int DECAY_OFFSET_POLLS = 10;

    private final ConsensusSettings settings;
    private final ProviderCalls<?, ?, ?> calls;

    PreparationBehaviors(ConsensusSettings settings, ProviderCalls<?, ?, ?> calls) {
        this.settings = settings;
        this.calls = calls;
    }

    /** Sync, then go collecting if this node is among the next leaders; otherwise pause and try again. */
    Behavior.Cancellable loading(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        scope.call(() -> calls.synchronize(data.activeState()), synced -> {
            if (synced == null) {
                scope.after(settings.timing().syncRetry(), () -> ctx.send(new SyncTimeout(null)));
                return;
            }
            scope.call(() -> calls.nextLeaders(synced), leaders -> {
                if (leaders.contains(settings.self())) {
                    ctx.send(new SyncComplete(synced));
                } else {
                    scope.after(settings.timing().syncRetry(), () -> ctx.send(new SyncTimeout(synced)));
                }
            }, failed -> scope.after(settings.timing().syncRetry(), () -> ctx.send(new SyncTimeout(synced))));
        }, failed -> scope.after(settings.timing().syncRetry(), () -> ctx.send(new SyncTimeout(null))));
        return scope;
    }

    /** Collect operations, learn the next leaders, announce liveness (and count our own). */
    Behavior.Cancellable collecting(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        Unique prior = data.activeState();
        scope.call(() -> calls.collect(prior), collected ->
                scope.call(() -> calls.nextLeaders(prior), provers ->
                        scope.call(() -> calls.sendLiveness(prior, collected), sent -> {
                            ctx.send(new LivenessCheckReceived(settings.self(), collected));
                            ctx.send(new CollectionDone(collected, provers));
                        }, failed -> induceSync(ctx, "sending liveness failed", failed)),
                        failed -> induceSync(ctx, "leaders unavailable", failed)),
                failed -> induceSync(ctx, "collecting failed", failed));
        return scope;
    }

    /**
     * Enough provers alive for the next rank: go prove. Otherwise announce liveness again after a pause and
     * let the state's timeout run the check again on fresh data.
     */
    Behavior.Cancellable livenessCheck(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        if (data.collected() == null) {
            induceSync(ctx, "liveness check without collected operations", null);
            return scope;
        }
        int minimum = settings.minimumProvers().getAsInt();
        scope.call(() -> data.nextProvers().size() < minimum
                ? calls.nextLeaders(data.activeState())
                : Future.succeededFuture(data.nextProvers()), provers -> {
            if (data.liveness().at(data.nextRank()).size() >= minimum) {
                ctx.send(new ProverSignal(provers));
                return;
            }
            scope.after(settings.timing().livenessResend(), () -> scope.call(
                    () -> calls.sendLiveness(data.activeState(), data.collected()),
                    sent -> { },
                    failed -> induceSync(ctx, "sending liveness failed", failed)));
        }, failed -> induceSync(ctx, "leaders unavailable", failed));
        return scope;
    }

    /**
     * Prove a proposal; meanwhile, poll for a better leader's proposal and go voting without publishing ours
     * once one is acceptable: the top leader's at once, the i-th one after i + {@value DECAY_OFFSET_POLLS}
     * polls.
     */
    Behavior.Cancellable proving(RoundData data, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx) {
        BehaviorScope scope = new BehaviorScope(ctx.vertx());
        if (data.collected() == null) {
            induceSync(ctx, "proving without collected operations", null);
            return scope;
        }
        scope.call(() -> calls.nextLeaders(data.activeState()), peers -> {
            scope.call(() -> calls.proveNextState(data.activeState(), data.collected()),
                    proposal -> ctx.send(new ProofComplete(proposal)),
                    failed -> induceSync(ctx, "proving failed", failed));
            pollForBetterProposal(scope, ctx, data.nextRank(), peers, 1);
        }, failed -> induceSync(ctx, "leaders unavailable", failed));
        return scope;
    }

    private void pollForBetterProposal(BehaviorScope scope, MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx,
                                       long rank, List<String> peers, int polls) {
        scope.after(settings.timing().proverPoll(), () -> {
            Map<String, Unique> proposals = ctx.data().proposals().at(rank);
            for (int i = 0; i < peers.size(); i++) {
                boolean due = i == 0 || i + DECAY_OFFSET_POLLS <= polls;
                if (due && proposals.containsKey(peers.get(i))) {
                    ctx.send(new PublishTimeout());
                    return;
                }
            }
            pollForBetterProposal(scope, ctx, rank, peers, polls + 1);
        });
    }

    static void induceSync(MachineContext<ConsensusState, ConsensusEvent, RoundData> ctx, String why, Throwable cause) {
        ctx.send(new InduceSync(cause == null ? why : why + ": " + cause.getMessage()));
    }
}
