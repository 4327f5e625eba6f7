package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;
import dev.granary.ipld.Cid;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows a batch of journaled changes leaves different, with their current values (empty: the row is gone). This
 * is what the store writes in one transaction; writing current values rather than replaying the journal makes a
 * retried write harmless.
 */
record ChangeSet(Optional<StoredChain.Genesis> genesis, Optional<ChainCounters> counters, Optional<MinerRecord> miner,
                 Map<Long, Optional<ActorState>> actors, Map<Long, Optional<MarketBalance>> escrow,
                 Map<Long, Optional<DealRecord>> deals, Map<Long, Optional<SectorRecord>> sectors,
                 Map<Cid, Optional<MessageRecord>> messages, Map<Long, Optional<Long>> forks) {

    /** The current values of every stored row {@code entries} touched; {@code withGenesis} for a new chain. */
    static ChangeSet of(DevnetState state, Collection<Journal.Entry> entries, boolean withGenesis) {
        Map<Long, Optional<ActorState>> actors = new LinkedHashMap<>();
        Map<Long, Optional<MarketBalance>> escrow = new LinkedHashMap<>();
        Map<Long, Optional<DealRecord>> deals = new LinkedHashMap<>();
        Map<Long, Optional<SectorRecord>> sectors = new LinkedHashMap<>();
        Map<Cid, Optional<MessageRecord>> messages = new LinkedHashMap<>();
        Map<Long, Optional<Long>> forks = new LinkedHashMap<>();
        boolean counters = false;
        boolean miner = false;
        for (Journal.Entry entry : entries) {
            TrackedTable<?, ?> table = entry.table();
            Object key = entry.key();
            if (table == state.actors) {
                actors.put((Long) key, state.actors.get((Long) key));
            } else if (table == state.escrow) {
                escrow.put((Long) key, state.escrow.get((Long) key));
            } else if (table == state.deals) {
                deals.put((Long) key, state.deals.get((Long) key));
            } else if (table == state.sectors) {
                sectors.put((Long) key, state.sectors.get((Long) key));
            } else if (table == state.messages) {
                messages.put((Cid) key, state.messages.get((Cid) key));
            } else if (table == state.forks) {
                forks.put((Long) key, state.forks.get((Long) key));
            } else if (state.isCounters(table)) {
                counters = true;
            } else if (state.isMiner(table)) {
                miner = true;
            }
            // anything else is a derived index, rebuilt on load and never stored
        }
        return new ChangeSet(withGenesis ? Optional.of(state.genesis) : Optional.empty(),
                counters ? Optional.of(state.counters()) : Optional.empty(),
                miner ? Optional.of(state.miner()) : Optional.empty(),
                actors, escrow, deals, sectors, messages, forks);
    }

    /** Just one message row: a push, which is stored at once and outside any epoch. */
    static ChangeSet message(MessageRecord message) {
        return new ChangeSet(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(message.cid(), Optional.of(message)), Map.of());
    }
}
