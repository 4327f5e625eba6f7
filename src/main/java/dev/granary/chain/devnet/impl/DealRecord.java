package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketDeal;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;

/**
 * A published deal as the market actor keeps it: the proposal with client and provider as ID addresses (the actor
 * normalises them before taking the CID), its CID (duplicate detection), and the sector it was activated in.
 */
record DealRecord(long id, DealProposal proposal, Cid proposalCid, long sectorNumber, MarketDeal.DealState state) {
    static final long NO_SECTOR = -1;

    DealRecord activated(long sector, long epoch) {
        return new DealRecord(id, proposal, proposalCid, sector, new MarketDeal.DealState(epoch, -1, -1, sector));
    }

    DealRecord slashedAt(long epoch) {
        return new DealRecord(id, proposal, proposalCid, sectorNumber,
                new MarketDeal.DealState(state.sectorStartEpoch(), state.lastUpdatedEpoch(), epoch,
                        state.sectorNumber()));
    }

    MarketDeal toMarketDeal() {
        return new MarketDeal(proposal, state);
    }
}
