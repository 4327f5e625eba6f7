package dev.granary.examples.consensus;

import java.util.Objects;

/**
 * What nodes tell each other over the event bus, one address per kind ({@link #address}). Each message
 * becomes the matching event on the receiving node.
 */
public sealed interface ConsensusMessage {
    /** The peer that sent it (the voter, for votes); nodes ignore their own messages coming back. */
    String sender();

    ConsensusEvent toEvent();

    /** {@code consensus.<network>.<kind>}: networks on one event bus do not hear each other. */
    static String address(String network, Class<? extends ConsensusMessage> kind) {
        return "consensus." + network + "." + kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    record Liveness(String sender, Unique collected) implements ConsensusMessage {
        public Liveness {
            Objects.requireNonNull(sender);
            Objects.requireNonNull(collected);
        }

        @Override
        public ConsensusEvent toEvent() {
            return new ConsensusEvent.LivenessCheckReceived(sender, collected);
        }
    }

    record Proposal(String sender, Unique proposal) implements ConsensusMessage {
        public Proposal {
            Objects.requireNonNull(sender);
            Objects.requireNonNull(proposal);
        }

        @Override
        public ConsensusEvent toEvent() {
            return new ConsensusEvent.ProposalReceived(sender, proposal);
        }
    }

    record Vote(String sender, String proposer, Unique vote) implements ConsensusMessage {
        public Vote {
            Objects.requireNonNull(sender);
            Objects.requireNonNull(proposer);
            Objects.requireNonNull(vote);
        }

        @Override
        public ConsensusEvent toEvent() {
            return new ConsensusEvent.VoteReceived(proposer, sender, vote);
        }
    }

    record Confirmation(String sender, Unique confirmation) implements ConsensusMessage {
        public Confirmation {
            Objects.requireNonNull(sender);
            Objects.requireNonNull(confirmation);
        }

        @Override
        public ConsensusEvent toEvent() {
            return new ConsensusEvent.ConfirmationReceived(sender, confirmation);
        }
    }
}
