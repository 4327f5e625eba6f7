package dev.granary.chain.devnet.impl;

import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a published deal after publication: the miner's checks when it pre-commits and activates deals,
 * slashing on termination, and the end-of-epoch processing (builtin-actors' cron): a deal not activated by its start
 * epoch is dropped with the provider's collateral burnt, a completed deal pays the provider, a slashed one settles.
 * The money rules are {@link dev.granary.chain.devnet.DevnetEconomics}'.
 */
final class DealLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DealLifecycle.class);

    private final DevnetState state;
    private final Accounts accounts;
    private final Escrow escrow;

    DealLifecycle(DevnetState state, Accounts accounts, Escrow escrow) {
        this.state = state;
        this.accounts = accounts;
        this.escrow = escrow;
    }

    /**
     * The market's VerifyDealsForActivation for one pre-committed sector: the deals exist, belong to this miner, start
     * no earlier than now, end by the sector's expiration and fit the sector. Any failure fails the pre-commit.
     */
    List<DealProposal> verifyForPreCommit(List<Long> dealIds, long sectorExpiry, long sectorSize, long epoch) {
        List<DealProposal> proposals = new ArrayList<>();
        long space = 0;
        for (long id : dealIds) {
            DealRecord deal = state.deals.get(id)
                    .orElseThrow(() -> ActorError.notFound("failed to validate deal proposals for activation: no such deal " + id));
            Optional<String> problem = activationProblem(deal, sectorExpiry, epoch);
            if (problem.isPresent()) {
                throw ActorError.illegalArgument("failed to validate deal proposals for activation: cannot activate deal "
                        + id + ": " + problem.get());
            }
            proposals.add(deal.proposal());
            space += deal.proposal().pieceSize();
        }
        if (space > sectorSize) {
            throw ActorError.illegalArgument("failed to validate deal proposals for activation: deals too large to fit in sector "
                    + space + " > " + sectorSize);
        }
        return proposals;
    }

    /** Why the deal cannot be activated in a sector expiring at {@code sectorExpiry} now, or empty. */
    Optional<String> activationProblem(DealRecord deal, long sectorExpiry, long epoch) {
        DealProposal p = deal.proposal();
        if (!p.provider().equals(state.miner().address())) {
            return Optional.of("proposal has provider " + p.provider() + ", must be " + state.miner().address());
        }
        if (epoch > p.startEpoch()) {
            return Optional.of("proposal start epoch " + p.startEpoch() + " has already elapsed at " + epoch);
        }
        if (p.endEpoch() > sectorExpiry) {
            return Optional.of("proposal expiration " + p.endEpoch() + " exceeds sector expiration " + sectorExpiry);
        }
        if (deal.state().activated()) {
            return Optional.of("deal " + deal.id() + " already activated");
        }
        return Optional.empty();
    }

    /**
     * Activates one deal named by a ProveCommitSectors3 notification for a piece; empty when accepted, else why not
     * (the market refuses that piece only, like {@code sector_content_changed}).
     */
    Optional<String> activateNotified(long dealId, Cid pieceCid, long pieceSize, long sector, long sectorExpiry, long epoch) {
        Optional<DealRecord> deal = state.deals.get(dealId);
        if (deal.isEmpty()) {
            return Optional.of("failed to activate deal " + dealId + ": no such deal");
        }
        Optional<String> problem = activationProblem(deal.get(), sectorExpiry, epoch);
        if (problem.isPresent()) {
            return Optional.of("failed to activate deal " + dealId + ": cannot activate deal " + dealId + ": " + problem.get());
        }
        if (!deal.get().proposal().pieceCid().equals(pieceCid)) {
            return Optional.of("deal " + dealId + " piece CID " + pieceCid + " doesn't match " + deal.get().proposal().pieceCid());
        }
        if (deal.get().proposal().pieceSize() != pieceSize) {
            return Optional.of("deal " + dealId + " piece size " + pieceSize + " doesn't match " + deal.get().proposal().pieceSize());
        }
        activate(dealId, sector, epoch);
        return Optional.empty();
    }

    void activate(long dealId, long sector, long epoch) {
        DealRecord deal = state.deals.get(dealId).orElseThrow();
        state.deals.put(dealId, deal.activated(sector, epoch));
    }

    /** The sector holding these deals was terminated: they are slashed now and settled at the end of the epoch. */
    void slash(List<Long> dealIds, long epoch) {
        for (long id : dealIds) {
            state.deals.get(id).filter(deal -> !deal.state().slashed())
                    .ifPresent(deal -> state.deals.put(id, deal.slashedAt(epoch)));
        }
    }

    /** The end of epoch {@code epoch}: every deal whose time has come is settled and removed. */
    void cron(long epoch) {
        for (DealRecord deal : List.copyOf(state.deals.values())) {
            DealProposal p = deal.proposal();
            if (deal.state().slashed()) {
                long paidEpochs = Math.max(0, Math.min(deal.state().slashEpoch(), p.endEpoch()) - p.startEpoch());
                settle(deal, p.storagePricePerEpoch().multiply(paidEpochs), true);
            } else if (!deal.state().activated() && epoch >= p.startEpoch()) {
                log.info("deal {} was not activated by its start epoch {}: provider collateral {} burnt", deal.id(),
                        p.startEpoch(), p.providerCollateral().toFilString());
                settle(deal, TokenAmount.ZERO, true);
            } else if (deal.state().activated() && epoch >= p.endEpoch()) {
                settle(deal, MarketActor.storageFee(p), false);
            }
        }
    }

    /** Pays the provider {@code payment}, releases the rest of the client's lock, and frees or burns the collateral. */
    private void settle(DealRecord deal, TokenAmount payment, boolean burnProviderCollateral) {
        DealProposal p = deal.proposal();
        long client = p.client().id();
        long provider = p.provider().id();
        escrow.spendLocked(client, payment);
        escrow.unlock(client, MarketActor.clientRequirement(p).subtract(payment));
        escrow.deposit(provider, payment);
        if (burnProviderCollateral) {
            escrow.spendLocked(provider, p.providerCollateral());
            accounts.burn(DevnetActors.MARKET_ID, p.providerCollateral());
        } else {
            escrow.unlock(provider, p.providerCollateral());
        }
        state.deals.remove(deal.id());
        state.dealsByProposal.remove(deal.proposalCid());
    }
}
