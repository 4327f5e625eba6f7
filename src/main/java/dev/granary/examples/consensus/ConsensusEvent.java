package dev.granary.examples.consensus;

import java.util.List;
import java.util.Objects;

/**
 * Everything that can happen to the engine. Where the original engine mutated shared fields and then sent a
 * bare event, these records carry the value instead, so the machine's data changes only in transition
 * actions. Payloads are typed {@link Unique}; the providers see them as their own types.
 */
public sealed interface ConsensusEvent {
    record Start() implements ConsensusEvent {
    }

    record Stop() implements ConsensusEvent {
    }

    /** Sync must be retried; {@code synced} is what the attempt produced, null when it produced nothing. */
    record SyncTimeout(Unique synced) implements ConsensusEvent {
    }

    /** Back to loading from any running state; {@code reason} is for logs and tests. */
    record InduceSync(String reason) implements ConsensusEvent {
    }

    /** Synced, and this node is among the next leaders. */
    record SyncComplete(Unique synced) implements ConsensusEvent {
        public SyncComplete {
            Objects.requireNonNull(synced, "synced");
        }
    }

    record InitComplete() implements ConsensusEvent {
    }

    record CollectionDone(Unique collected, List<String> nextProvers) implements ConsensusEvent {
        public CollectionDone {
            Objects.requireNonNull(collected, "collected");
            nextProvers = List.copyOf(nextProvers);
        }
    }

    /** {@code peer} is alive for {@code collected.rank()} and has collected this. */
    record LivenessCheckReceived(String peer, Unique collected) implements ConsensusEvent {
        public LivenessCheckReceived {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(collected, "collected");
        }
    }

    record LivenessTimeout() implements ConsensusEvent {
    }

    /** Enough provers are alive; carries the leader list the check used, which it may have re-fetched. */
    record ProverSignal(List<String> nextProvers) implements ConsensusEvent {
        public ProverSignal {
            nextProvers = List.copyOf(nextProvers);
        }
    }

    /** This node proved its proposal for the next rank. */
    record ProofComplete(Unique proposal) implements ConsensusEvent {
        public ProofComplete {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    record PublishComplete() implements ConsensusEvent {
    }

    /** Stop proving or publishing and go vote (a better proposal arrived, or time ran out). */
    record PublishTimeout() implements ConsensusEvent {
    }

    record ProposalReceived(String peer, Unique proposal) implements ConsensusEvent {
        public ProposalReceived {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /**
     * {@code voter} voted for {@code proposer}'s proposal. When the voter is this node, the vote is its own
     * decision: it replaces any earlier own vote and fixes the chosen proposer for the round.
     */
    record VoteReceived(String proposer, String voter, Unique vote) implements ConsensusEvent {
        public VoteReceived {
            Objects.requireNonNull(proposer, "proposer");
            Objects.requireNonNull(voter, "voter");
            Objects.requireNonNull(vote, "vote");
        }
    }

    record QuorumReached() implements ConsensusEvent {
    }

    record VotingTimeout() implements ConsensusEvent {
    }

    /** The votes were folded into the state to confirm. */
    record AggregationDone(Unique finalized, String proposer) implements ConsensusEvent {
        public AggregationDone {
            Objects.requireNonNull(finalized, "finalized");
        }
    }

    record AggregationTimeout() implements ConsensusEvent {
    }

    record ConfirmationReceived(String peer, Unique confirmation) implements ConsensusEvent {
        public ConfirmationReceived {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(confirmation, "confirmation");
        }
    }

    /** The finalized state is now the active one. */
    record VerificationDone() implements ConsensusEvent {
    }

    record VerificationTimeout() implements ConsensusEvent {
    }

    record CleanupComplete() implements ConsensusEvent {
    }
}
