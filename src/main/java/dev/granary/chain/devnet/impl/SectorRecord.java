package dev.granary.chain.devnet.impl;

import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.filecoin.TokenAmount;

import java.util.List;
import java.util.Objects;

/**
 * A sector number's life in the miner actor, from pre-commit on. The number stays allocated whatever happens to the
 * sector, which is why expired and terminated sectors keep their row.
 *
 * @param activation    epoch the sector was proven, -1 before
 * @param dealIds       deals activated in it (pre-committed ones, or those notified by ProveCommitSectors3)
 * @param endedAt       epoch it was terminated, expired, or its pre-commit lapsed; -1 while alive
 */
record SectorRecord(long number, Status status, SectorPreCommitOnChainInfo precommit, long activation,
                    TokenAmount initialPledge, boolean faulty, List<Long> dealIds, long endedAt) {
    enum Status {
        PRECOMMITTED,
        ACTIVE,
        /** The pre-commit was not proven in time: its deposit was burnt. */
        PRECOMMIT_EXPIRED,
        TERMINATED,
        EXPIRED
    }

    SectorRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(precommit, "precommit");
        Objects.requireNonNull(initialPledge, "initialPledge");
        dealIds = List.copyOf(dealIds);
    }

    static SectorRecord precommitted(SectorPreCommitOnChainInfo precommit) {
        return new SectorRecord(precommit.info().sectorNumber(), Status.PRECOMMITTED, precommit, -1,
                TokenAmount.ZERO, false, List.of(), -1);
    }

    SectorRecord activated(long epoch, TokenAmount pledge, List<Long> deals) {
        return new SectorRecord(number, Status.ACTIVE, precommit, epoch, pledge, false, deals, -1);
    }

    SectorRecord ended(Status end, long epoch) {
        return new SectorRecord(number, end, precommit, activation, initialPledge, faulty, dealIds, epoch);
    }

    SectorRecord withFaulty(boolean fault) {
        return new SectorRecord(number, status, precommit, activation, initialPledge, fault, dealIds, endedAt);
    }

    /** Funds this sector holds in the miner actor: its deposit while pre-committed, its pledge while active. */
    TokenAmount lockedFunds() {
        return switch (status) {
            case PRECOMMITTED -> precommit.preCommitDeposit();
            case ACTIVE -> initialPledge;
            default -> TokenAmount.ZERO;
        };
    }

    /**
     * Without deal IDs, as actors v13+ report every newly activated sector (their deals are found through the
     * market's deal states); the devnet keeps them only to slash the deals when the sector is terminated.
     */
    SectorOnChainInfo toOnChainInfo() {
        return new SectorOnChainInfo(number, precommit.info().sealProof(), precommit.info().sealedCid(), List.of(),
                activation, precommit.info().expiration(), initialPledge, faulty);
    }
}
