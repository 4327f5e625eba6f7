package dev.granary.chain;

import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;

import java.util.List;

/**
 * A proven sector as the miner actor holds it. {@code dealIds} is empty for sectors activated under actors v13+
 * (lotus no longer records them in sector info): find a sector's deals through the market actor's deal states.
 */
public record SectorOnChainInfo(long sectorNumber, long sealProof, Cid sealedCid, List<Long> dealIds,
                                long activation, long expiration, TokenAmount initialPledge, boolean faulty) {
    public SectorOnChainInfo {
        dealIds = List.copyOf(dealIds);
    }
}
