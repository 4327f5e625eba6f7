package dev.granary.chain.devnet.impl;

import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.chain.Message;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The injected failures waiting to happen; owned by the devnet context like the rest of its state. */
final class FaultRules {
    private static final class Rejection {
        final Predicate<MessageRequest> match;
        final String reason;
        int remaining;

        Rejection(Predicate<MessageRequest> match, int remaining, String reason) {
            this.match = match;
            this.remaining = remaining;
            this.reason = reason;
        }
    }

    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Predicate<Message>> outOfGas = new ArrayList<>();

    void rejectPushes(Predicate<MessageRequest> match, int count, String reason) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        rejections.add(new Rejection(match, count, reason));
    }

    void outOfGas(Predicate<Message> match) {
        outOfGas.add(match);
    }

    /** The reason to refuse this push, using up one count of the first rule that matches. */
    Optional<String> takeRejection(MessageRequest request) {
        for (Iterator<Rejection> it = rejections.iterator(); it.hasNext(); ) {
            Rejection rule = it.next();
            if (rule.match.test(request)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.reason);
            }
        }
        return Optional.empty();
    }

    /** True (once per rule) when this message is to run out of gas. */
    boolean takeOutOfGas(Message message) {
        for (Iterator<Predicate<Message>> it = outOfGas.iterator(); it.hasNext(); ) {
            if (it.next().test(message)) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
