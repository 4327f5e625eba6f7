package dev.granary.chain;

import dev.granary.filecoin.TokenAmount;

public record SectorPreCommitOnChainInfo(SectorPreCommitInfo info, TokenAmount preCommitDeposit,
                                         long preCommitEpoch) {
}
