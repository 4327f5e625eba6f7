package dev.granary.chain.devnet.impl;

import dev.granary.chain.ChainHead;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The undo records of the newest epochs produced since this node started, as many as a reorg may revert. */
final class RecentEpochs {
    /** One epoch: its head and every change made since the epoch before it, oldest first. */
    record Epoch(ChainHead head, List<Journal.Entry> changes) {
    }

    private final int capacity;
    private final Deque<Epoch> epochs = new ArrayDeque<>();

    RecentEpochs(int capacity) {
        this.capacity = capacity;
    }

    void add(ChainHead head, List<Journal.Entry> changes) {
        if (capacity == 0) {
            return;
        }
        if (epochs.size() == capacity) {
            epochs.removeFirst();
        }
        epochs.addLast(new Epoch(head, changes));
    }

    int size() {
        return epochs.size();
    }

    /** Removes and returns the newest {@code count} epochs, newest first. */
    List<Epoch> takeNewest(int count) {
        List<Epoch> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(epochs.removeLast());
        }
        return taken;
    }
}
