package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;

import java.util.List;
import java.util.Map;

/** Everything {@link DevnetRepository#load()} reads back: a devnet as it was when its node stopped. */
record StoredChain(Genesis genesis, ChainCounters counters, MinerRecord miner, List<ActorState> actors,
                   Map<Long, MarketBalance> escrow, List<DealRecord> deals, List<SectorRecord> sectors,
                   List<MessageRecord> messages, Map<Long, Long> forks) {

    /** What the chain was created with; the chain keeps it even when the configuration changes later. */
    record Genesis(String seed, long sectorSize, long createdAt) {
    }
}
