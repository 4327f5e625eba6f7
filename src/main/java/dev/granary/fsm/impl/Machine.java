package dev.granary.fsm.impl;

import dev.granary.fsm.Behavior;

import java.util.ArrayDeque;

/**
 * One machine's mutable runtime state. Owned by its group and touched only on the group's context, so it
 * needs no locks: the group's single thread is what serializes events.
 */
public final class Machine<S extends Enum<S>, D> {
    public final String id;
    public S state;
    public D data;
    public long version;
    public long logSeq;
    public boolean terminal;
    public Long deadline;
    /** Persisting a transition or running an entry handler: new events wait in {@link #queue}. */
    public boolean busy;
    /** Bumped on every state entry; contexts, timers and behaviors of an older entry are stale. */
    public int epoch;
    public int attempt;
    public long timer = -1;
    public long retryTimer = -1;
    public Behavior.Cancellable behavior;
    public boolean drainScheduled;
    public final ArrayDeque<Pending> queue = new ArrayDeque<>();

    public Machine(String id, S state, D data, long version, long logSeq, boolean terminal, Long deadline) {
        this.id = id;
        this.state = state;
        this.data = data;
        this.version = version;
        this.logSeq = logSeq;
        this.terminal = terminal;
        this.deadline = deadline;
    }
}
