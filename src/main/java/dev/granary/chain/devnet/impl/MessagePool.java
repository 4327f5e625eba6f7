package dev.granary.chain.devnet.impl;

import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.Message;

import java.util.Comparator;
import java.util.List;

/** Pending messages: nonce assignment for new ones, and which of them an epoch includes, in what order. */
final class MessagePool {
    private final DevnetState state;
    private final Accounts accounts;

    MessagePool(DevnetState state, Accounts accounts) {
        this.state = state;
        this.accounts = accounts;
    }

    /** Pending messages in the order they were pushed (for one sender: nonce order). */
    List<MessageRecord> pending() {
        return state.messages.values().stream().filter(MessageRecord::pending)
                .sorted(Comparator.comparingLong(MessageRecord::pushedAt)
                        .thenComparingLong(m -> m.signed().message().nonce())
                        .thenComparing(MessageRecord::cid))
                .toList();
    }

    /** What epoch {@code epoch} executes: every message pushed at least {@code inclusionDelay} epochs earlier. */
    List<MessageRecord> includable(long epoch, long inclusionDelay) {
        return pending().stream().filter(m -> m.pushedAt() + inclusionDelay <= epoch).toList();
    }

    /** The sender's next nonce: after its on-chain nonce and after every message it has waiting. */
    long nextNonce(ActorState sender) {
        long next = sender.nonce();
        for (MessageRecord m : pendingFrom(sender)) {
            next = Math.max(next, m.signed().message().nonce() + 1);
        }
        return next;
    }

    /** Value the sender's waiting messages will spend. */
    TokenAmount pendingValue(ActorState sender) {
        TokenAmount total = TokenAmount.ZERO;
        for (MessageRecord m : pendingFrom(sender)) {
            total = total.add(m.signed().message().value());
        }
        return total;
    }

    private List<MessageRecord> pendingFrom(ActorState sender) {
        return pending().stream().filter(m -> sentBy(m.signed().message(), sender)).toList();
    }

    private boolean sentBy(Message message, ActorState sender) {
        return accounts.resolve(message.from()).map(ActorState::id).orElse(-1L) == sender.id();
    }
}
