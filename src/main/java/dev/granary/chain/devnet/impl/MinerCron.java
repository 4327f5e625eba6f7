package dev.granary.chain.devnet.impl;

import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.filecoin.TokenAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The miner actor's end of epoch: a pre-commit not proven within the max prove-commit duration lapses and its deposit
 * is burnt (mainnet waits another 8 hours before cleaning up; the devnet does it at once), and an active sector
 * reaching its expiration expires, releasing its pledge.
 */
final class MinerCron implements EpochProducer.Cron {
    private static final Logger log = LoggerFactory.getLogger(MinerCron.class);

    private final DevnetState state;
    private final Accounts accounts;
    private final DevnetPolicy policy;

    MinerCron(DevnetState state, Accounts accounts, DevnetPolicy policy) {
        this.state = state;
        this.accounts = accounts;
        this.policy = policy;
    }

    @Override
    public void endOfEpoch(long epoch) {
        for (SectorRecord sector : List.copyOf(state.sectors.values())) {
            if (sector.status() == SectorRecord.Status.PRECOMMITTED
                    && epoch > sector.precommit().preCommitEpoch() + policy.maxProveCommitDuration()) {
                TokenAmount deposit = sector.precommit().preCommitDeposit();
                log.info("pre-commit of sector {} lapsed unproven at epoch {}: deposit {} burnt", sector.number(), epoch,
                        deposit.toFilString());
                accounts.burn(DevnetActors.MINER_ID, deposit);
                state.sectors.put(sector.number(), sector.ended(SectorRecord.Status.PRECOMMIT_EXPIRED, epoch));
            } else if (sector.status() == SectorRecord.Status.ACTIVE && epoch >= sector.precommit().info().expiration()) {
                state.sectors.put(sector.number(), sector.ended(SectorRecord.Status.EXPIRED, epoch));
            }
        }
    }

    /** What the miner actor holds for its sectors (deposits and pledges); the rest of its balance is available. */
    static TokenAmount lockedFunds(DevnetState state) {
        TokenAmount total = TokenAmount.ZERO;
        for (SectorRecord sector : state.sectors.values()) {
            total = total.add(sector.lockedFunds());
        }
        return total;
    }
}
