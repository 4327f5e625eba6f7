package dev.granary.examples.consensus;

import dev.granary.examples.consensus.ConsensusEvent.AggregationDone;
import dev.granary.examples.consensus.ConsensusEvent.AggregationTimeout;
import dev.granary.examples.consensus.ConsensusEvent.CleanupComplete;
import dev.granary.examples.consensus.ConsensusEvent.CollectionDone;
import dev.granary.examples.consensus.ConsensusEvent.ConfirmationReceived;
import dev.granary.examples.consensus.ConsensusEvent.InduceSync;
import dev.granary.examples.consensus.ConsensusEvent.InitComplete;
import dev.granary.examples.consensus.ConsensusEvent.LivenessCheckReceived;
import dev.granary.examples.consensus.ConsensusEvent.LivenessTimeout;
import dev.granary.examples.consensus.ConsensusEvent.ProofComplete;
import dev.granary.examples.consensus.ConsensusEvent.ProposalReceived;
import dev.granary.examples.consensus.ConsensusEvent.ProverSignal;
import dev.granary.examples.consensus.ConsensusEvent.PublishComplete;
import dev.granary.examples.consensus.ConsensusEvent.PublishTimeout;
import dev.granary.examples.consensus.ConsensusEvent.QuorumReached;
import dev.granary.examples.consensus.ConsensusEvent.Start;
import dev.granary.examples.consensus.ConsensusEvent.Stop;
import dev.granary.examples.consensus.ConsensusEvent.SyncComplete;
import dev.granary.examples.consensus.ConsensusEvent.SyncTimeout;
import dev.granary.examples.consensus.ConsensusEvent.VerificationDone;
import dev.granary.examples.consensus.ConsensusEvent.VerificationTimeout;
import dev.granary.examples.consensus.ConsensusEvent.VoteReceived;
import dev.granary.examples.consensus.ConsensusEvent.VotingTimeout;
import dev.granary.fsm.MachineDefinition;

import static dev.granary.examples.consensus.ConsensusState.COLLECTING;
import static dev.granary.examples.consensus.ConsensusState.FINALIZING;
import static dev.granary.examples.consensus.ConsensusState.LIVENESS_CHECK;
import static dev.granary.examples.consensus.ConsensusState.LOADING;
import static dev.granary.examples.consensus.ConsensusState.PROVING;
import static dev.granary.examples.consensus.ConsensusState.PUBLISHING;
import static dev.granary.examples.consensus.ConsensusState.STARTING;
import static dev.granary.examples.consensus.ConsensusState.STOPPED;
import static dev.granary.examples.consensus.ConsensusState.STOPPING;
import static dev.granary.examples.consensus.ConsensusState.VERIFYING;
import static dev.granary.examples.consensus.ConsensusState.VOTING;

/**
 * The consensus engine as a machine definition: the original transition table row for row, its per-state
 * timeouts and behaviors, and the bookkeeping of received liveness, proposals, votes and confirmations as
 * transitions that record them in whatever state they arrive.
 */
public final class ConsensusMachine {
    public static final String TYPE = "consensus";

    private ConsensusMachine() {
    }

    /**
     * @param settings  this node's identity, timing and minimum number of provers
     * @param providers the application; called from behaviors, on the machine's context
     */
    public static <S extends Unique, V extends Unique, C extends Unique> MachineDefinition<ConsensusState, ConsensusEvent, RoundData>
    definition(ConsensusSettings settings, ConsensusProviders<S, V, C> providers) {
        ProviderCalls<S, V, C> calls = new ProviderCalls<>(providers);
        PreparationBehaviors preparation = new PreparationBehaviors(settings, calls);
        DecisionBehaviors decision = new DecisionBehaviors(settings, calls);
        Timing timing = settings.timing();
        String self = settings.self();
        return MachineDefinition.builder(TYPE, ConsensusState.class, ConsensusEvent.class, RoundData.class)
                .initial(STOPPED)
                .on(Start.class).from(STOPPED).to(STARTING)
                .on(InitComplete.class).from(STARTING).to(LOADING)
                .on(SyncTimeout.class).from(LOADING).to(LOADING)
                    .action((data, e) -> e.synced() == null ? data : data.synced(e.synced()))
                .on(SyncComplete.class).from(LOADING).to(COLLECTING).action((data, e) -> data.synced(e.synced()))
                .on(CollectionDone.class).from(COLLECTING).to(LIVENESS_CHECK)
                    .action((data, e) -> data.collectedFor(e.collected(), e.nextProvers()))
                .on(ProverSignal.class).from(LIVENESS_CHECK).to(PROVING).action((data, e) -> data.withProvers(e.nextProvers()))
                // nobody found yet: check again, indefinitely
                .on(LivenessTimeout.class).from(LIVENESS_CHECK).to(LIVENESS_CHECK)
                .on(ProofComplete.class).from(PROVING).to(PUBLISHING).action((data, e) -> data.withProposal(self, e.proposal()))
                .on(PublishTimeout.class).fromMany(PROVING, PUBLISHING).to(VOTING)
                .on(PublishComplete.class).from(PUBLISHING).to(VOTING)
                // a late proposal re-runs the vote (and restarts the voting timeout), as in the original
                .on(ProposalReceived.class).from(VOTING).to(VOTING).action((data, e) -> data.withProposal(e.peer(), e.proposal()))
                .on(QuorumReached.class).from(VOTING).to(FINALIZING)
                .on(VotingTimeout.class).from(VOTING).to(VOTING)
                .on(AggregationDone.class).from(FINALIZING).to(VERIFYING).action((data, e) -> data.finalizing(e.finalized()))
                .on(AggregationTimeout.class).from(FINALIZING).to(FINALIZING)
                .on(VerificationDone.class).from(VERIFYING).to(COLLECTING).action((data, e) -> data.advanced())
                .on(VerificationTimeout.class).from(VERIFYING).to(VERIFYING)
                .on(CleanupComplete.class).from(STOPPING).to(STOPPED)
                // received in any other state, messages are only recorded, as the original stores them regardless
                .on(LivenessCheckReceived.class).fromAny().toNoChange().action((data, e) -> data.withLiveness(e.peer(), e.collected()))
                .on(ProposalReceived.class).fromAny().toNoChange().action((data, e) -> data.withProposal(e.peer(), e.proposal()))
                .on(VoteReceived.class).fromAny().toNoChange()
                    .action((data, e) -> e.voter().equals(self)
                            ? data.withOwnVote(self, e.proposer(), e.vote())
                            : data.withVote(e.voter(), e.vote()))
                    .guard((data, e) -> e.voter().equals(self) || !data.conflicts(e.voter(), e.vote()), "conflicting vote")
                .on(ConfirmationReceived.class).fromAny().toNoChange()
                    .action((data, e) -> data.withConfirmation(e.peer(), e.confirmation()))
                // from any running state, as the seed allows; an engine that is stopped or stopping refuses them
                .global(Stop.class).except(STOPPED, STOPPING).to(STOPPING)
                .global(InduceSync.class).except(STOPPED, STOPPING).to(LOADING)
                .state(STARTING, s -> s.timeout(timing.starting(), data -> new InitComplete()))
                .state(LOADING, s -> s.behavior(preparation::loading)
                        .timeout(timing.loading(), data -> new SyncTimeout(null)))
                .state(COLLECTING, s -> s.behavior(preparation::collecting)
                        .timeout(timing.collecting(), data -> new InduceSync("collecting timed out")))
                .state(LIVENESS_CHECK, s -> s.behavior(preparation::livenessCheck)
                        .timeout(timing.livenessCheck(), data -> new LivenessTimeout()))
                .state(PROVING, s -> s.behavior(preparation::proving)
                        .timeout(timing.proving(), data -> new PublishTimeout()))
                .state(PUBLISHING, s -> s.behavior(decision::publishing)
                        .timeout(timing.publishing(), data -> new PublishTimeout()))
                .state(VOTING, s -> s.behavior(decision::voting)
                        .timeout(timing.voting(), data -> new VotingTimeout()))
                .state(FINALIZING, s -> s.behavior(decision::finalizing)
                        .timeout(timing.finalizing(), data -> new AggregationTimeout()))
                .state(VERIFYING, s -> s.behavior(decision::verifying)
                        .timeout(timing.verifying(), data -> new VerificationTimeout()))
                .state(STOPPING, s -> s.behavior(decision::stopping)
                        .timeout(timing.stopping(), data -> new CleanupComplete()))
                .build();
    }
}
