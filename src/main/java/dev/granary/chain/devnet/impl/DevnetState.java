package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;
import dev.granary.chain.TipSetKey;
import dev.granary.chain.devnet.DevnetRandomness;
import dev.granary.ipld.Cid;

import java.util.List;
import java.util.Map;

/**
 * All devnet state, in memory, owned by the devnet verticle's context. Each table journals its writes (see
 * {@link Journal}); the two index tables are derived from the actor and deal tables and never stored.
 */
final class DevnetState {
    private static final String ONLY = "";

    final Journal journal = new Journal();
    final TrackedTable<Long, ActorState> actors = new TrackedTable<>("actor", journal);
    /** Key address text to actor ID; derived from {@link #actors}. */
    final TrackedTable<String, Long> actorIds = new TrackedTable<>("actor-index", journal);
    final TrackedTable<Long, MarketBalance> escrow = new TrackedTable<>("escrow", journal);
    final TrackedTable<Long, DealRecord> deals = new TrackedTable<>("deal", journal);
    /** Proposal CID to deal ID, for the market's duplicate check; derived from {@link #deals}. */
    final TrackedTable<Cid, Long> dealsByProposal = new TrackedTable<>("deal-index", journal);
    final TrackedTable<Long, SectorRecord> sectors = new TrackedTable<>("sector", journal);
    final TrackedTable<Cid, MessageRecord> messages = new TrackedTable<>("message", journal);
    /** Epoch a reorg generation starts at, to generation. */
    final TrackedTable<Long, Long> forks = new TrackedTable<>("fork", journal);
    private final TrackedTable<String, ChainCounters> counters = new TrackedTable<>("chain", journal);
    private final TrackedTable<String, MinerRecord> miner = new TrackedTable<>("miner", journal);
    final StoredChain.Genesis genesis;
    final DevnetRandomness randomness;

    DevnetState(StoredChain.Genesis genesis) {
        this.genesis = genesis;
        this.randomness = new DevnetRandomness(genesis.seed());
    }

    boolean isCounters(TrackedTable<?, ?> table) {
        return table == counters;
    }

    boolean isMiner(TrackedTable<?, ?> table) {
        return table == miner;
    }

    ChainCounters counters() {
        return counters.get(ONLY).orElseThrow(() -> new IllegalStateException("the devnet has no genesis yet"));
    }

    void setCounters(ChainCounters value) {
        counters.put(ONLY, value);
    }

    long height() {
        return counters().height();
    }

    MinerRecord miner() {
        return miner.get(ONLY).orElseThrow(() -> new IllegalStateException("the devnet has no miner yet"));
    }

    void setMiner(MinerRecord value) {
        miner.put(ONLY, value);
    }

    TipSetKey tipSetKey(long epoch) {
        return randomness.tipSetKey(epoch, generationAt(epoch));
    }

    /** The reorg generation epoch {@code epoch} was produced in. */
    long generationAt(long epoch) {
        long generation = 0;
        for (Map.Entry<Long, Long> fork : forkEntries()) {
            if (fork.getKey() <= epoch) {
                generation = fork.getValue();
            }
        }
        return generation;
    }

    private List<Map.Entry<Long, Long>> forkEntries() {
        return forks.keys().stream().map(from -> Map.entry(from, forks.get(from).orElseThrow())).toList();
    }

    /** Rows read from the store at startup; nothing is journaled. */
    void load(StoredChain stored) {
        counters.putUntracked(ONLY, stored.counters());
        miner.putUntracked(ONLY, stored.miner());
        for (ActorState actor : stored.actors()) {
            actors.putUntracked(actor.id(), actor);
            actor.key().ifPresent(key -> actorIds.putUntracked(key.toString(), actor.id()));
        }
        stored.escrow().forEach(escrow::putUntracked);
        for (DealRecord deal : stored.deals()) {
            deals.putUntracked(deal.id(), deal);
            dealsByProposal.putUntracked(deal.proposalCid(), deal.id());
        }
        stored.sectors().forEach(sector -> sectors.putUntracked(sector.number(), sector));
        stored.messages().forEach(message -> messages.putUntracked(message.cid(), message));
        stored.forks().forEach(forks::putUntracked);
    }
}
