package dev.granary.chain;

import dev.granary.filecoin.market.DealProposal;

/**
 * A deal as the market actor holds it. Over Lotus JSON a bytes {@link dev.granary.filecoin.market.DealLabel} arrives
 * as {@code ""}, so compare deals by deal ID and fields, not by re-deriving the proposal CID.
 */
public record MarketDeal(DealProposal proposal, DealState state) {

    /** Epochs are -1 while unset (lotus' convention); {@code sectorNumber} is -1 until the deal is activated. */
    public record DealState(long sectorStartEpoch, long lastUpdatedEpoch, long slashEpoch, long sectorNumber) {
        public static final DealState UNACTIVATED = new DealState(-1, -1, -1, -1);

        public boolean activated() {
            return sectorStartEpoch >= 0;
        }

        public boolean slashed() {
            return slashEpoch >= 0;
        }
    }
}
