package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainHead;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns ChainNotify's head changes into the port's events across resubscriptions. Each subscription starts with a
 * "current" change: the same head as before is not announced again, and a current head that is not above the last
 * applied one means that head left the chain while nobody was listening, so it is reported reverted first.
 * Confined to the follower's context.
 */
final class HeadTracker {
    private ChainHead lastApplied;

    List<ChainEvent> events(List<TipSetJson.HeadChange> changes) {
        List<ChainEvent> events = new ArrayList<>(changes.size() + 1);
        for (TipSetJson.HeadChange change : changes) {
            ChainHead head = change.head();
            switch (change.type()) {
                case "current" -> {
                    if (lastApplied != null && lastApplied.key().equals(head.key())) {
                        continue;
                    }
                    if (lastApplied != null && head.epoch() <= lastApplied.epoch()) {
                        events.add(new ChainEvent.HeadReverted(lastApplied));
                    }
                    events.add(new ChainEvent.HeadApplied(head));
                    lastApplied = head;
                }
                case "apply" -> {
                    events.add(new ChainEvent.HeadApplied(head));
                    lastApplied = head;
                }
                default -> {
                    events.add(new ChainEvent.HeadReverted(head));
                    if (lastApplied != null && lastApplied.key().equals(head.key())) {
                        lastApplied = null;
                    }
                }
            }
        }
        return events;
    }
}
