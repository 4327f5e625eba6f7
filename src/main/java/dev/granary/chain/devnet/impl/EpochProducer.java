package dev.granary.chain.devnet.impl;

import java.util.ArrayList;
import java.util.List;

/** Makes the next tipset: executes the messages due, runs the actors' end-of-epoch work, moves the head. */
final class EpochProducer {
    /** Something that happens at the end of every epoch, after its messages (builtin-actors' cron). */
    interface Cron {
        void endOfEpoch(long epoch);
    }

    private final DevnetState state;
    private final MessagePool pool;
    private final MessageExecutor executor;
    private final List<Cron> crons;
    private final long inclusionDelay;

    EpochProducer(DevnetState state, MessagePool pool, MessageExecutor executor, List<Cron> crons, long inclusionDelay) {
        this.state = state;
        this.pool = pool;
        this.executor = executor;
        this.crons = List.copyOf(crons);
        this.inclusionDelay = inclusionDelay;
    }

    /** Produces epoch {@code height + 1} with header time {@code timestamp}; returns the messages it executed. */
    List<MessageRecord> produce(long timestamp) {
        long epoch = state.height() + 1;
        List<MessageRecord> executed = new ArrayList<>();
        for (MessageRecord pending : pool.includable(epoch, inclusionDelay)) {
            MessageRecord done = executor.execute(pending, epoch);
            state.messages.put(done.cid(), done);
            executed.add(done);
        }
        crons.forEach(cron -> cron.endOfEpoch(epoch));
        ChainCounters counters = state.counters();
        state.setCounters(counters.withHead(epoch, Math.max(timestamp, counters.headTimestamp())));
        return executed;
    }
}
