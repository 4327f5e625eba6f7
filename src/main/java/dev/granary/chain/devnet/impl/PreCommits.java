package dev.granary.chain.devnet.impl;

import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.actor.PreCommitSectorBatch2Params;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.chain.devnet.SealProofs;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.piece.PaddedPieceSize;
import dev.granary.piece.PieceCids;
import dev.granary.piece.SectorLayout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PreCommitSectorBatch2 with the real actor's checks and reasons, in its order: per-sector preconditions (proof type,
 * sealed and unsealed CID prefixes, ticket epoch neither future nor older than the max ticket age, expiration bounds),
 * the deals (through the market's activation checks, and CommD against the deals' pieces), then the caller and the
 * deposit, {@link DevnetEconomics#preCommitDeposit} per sector, from the message value and the miner's available
 * balance. Any failure fails the whole batch.
 */
final class PreCommits {
    /** DEAL_LIMIT_DENOMINATOR: one deal per 128 MiB of sector, at least 256. */
    private static final long DEAL_LIMIT_DENOMINATOR = 134_217_728;

    private final DevnetState state;
    private final Accounts accounts;
    private final DealLifecycle deals;
    private final DevnetPolicy policy;

    PreCommits(DevnetState state, Accounts accounts, DealLifecycle deals, DevnetPolicy policy) {
        this.state = state;
        this.accounts = accounts;
        this.deals = deals;
        this.policy = policy;
    }

    void preCommit(Invocation call) {
        List<SectorPreCommitInfo> sectors = call.params(PreCommitSectorBatch2Params.CODEC, "PreCommitSectorBatch2Params")
                .sectors();
        if (sectors.isEmpty()) {
            throw ActorError.illegalArgument("batch empty");
        }
        long epoch = call.epoch();
        long sectorSize = state.miner().sectorSize();
        Set<Long> numbers = new HashSet<>();
        for (SectorPreCommitInfo sector : sectors) {
            if (!numbers.add(sector.sectorNumber())) {
                throw ActorError.illegalArgument("duplicate sector number " + sector.sectorNumber());
            }
            checkPreconditions(sector, epoch, sectorSize);
        }
        for (SectorPreCommitInfo sector : sectors) {
            checkDeals(sector, epoch, sectorSize);
        }
        MinerActor.requireControlling(state, call);
        for (SectorPreCommitInfo sector : sectors) {
            if (state.sectors.contains(sector.sectorNumber())) {
                throw ActorError.illegalArgument("sector number " + sector.sectorNumber() + " already allocated");
            }
        }
        TokenAmount deposit = DevnetEconomics.preCommitDeposit(sectorSize);
        TokenAmount required = deposit.multiply(sectors.size());
        TokenAmount available = accounts.get(state.miner().id()).balance().subtract(MinerCron.lockedFunds(state));
        if (available.compareTo(required) < 0) {
            throw ActorError.insufficientFunds("insufficient funds " + available.toFilString() + " for pre-commit deposit: "
                    + required.toFilString());
        }
        for (SectorPreCommitInfo sector : sectors) {
            state.sectors.put(sector.sectorNumber(),
                    SectorRecord.precommitted(new SectorPreCommitOnChainInfo(sector, deposit, epoch)));
        }
    }

    private void checkPreconditions(SectorPreCommitInfo sector, long epoch, long sectorSize) {
        if (SealProofs.sectorSize(sector.sealProof()) < 0) {
            throw ActorError.illegalArgument("unsupported seal proof type " + sector.sealProof());
        }
        if (!SealProofs.accepts(sector.sealProof(), sectorSize)) {
            throw ActorError.illegalArgument("seal proof type " + sector.sealProof() + " seals "
                    + SealProofs.sectorSize(sector.sealProof()) + "-byte sectors; the miner's sectors are " + sectorSize + " bytes");
        }
        if (sector.sectorNumber() < 0) {
            throw ActorError.illegalArgument("sector number " + Long.toUnsignedString(sector.sectorNumber())
                    + " out of range 0..(2^63-1)");
        }
        if (!SealInputs.isSealedCid(sector.sealedCid())) {
            throw ActorError.illegalArgument("sealed CID had wrong prefix");
        }
        if (sector.sealRandEpoch() >= epoch) {
            throw ActorError.illegalArgument("seal challenge epoch " + sector.sealRandEpoch() + " must be before now " + epoch);
        }
        long earliest = epoch - policy.maxTicketAge();
        if (sector.sealRandEpoch() < earliest) {
            throw ActorError.illegalArgument("seal challenge epoch " + sector.sealRandEpoch() + " too old, must be after "
                    + earliest);
        }
        if (sector.unsealedCid().isPresent() && !SealInputs.isUnsealedCid(sector.unsealedCid().get())) {
            throw ActorError.illegalArgument("unsealed CID had wrong prefix");
        }
        // Lifetime is checked assuming activation at the last epoch the proof may arrive, as the actor does.
        checkExpiration(epoch, epoch + policy.maxProveCommitDuration(), sector.expiration());
        long dealLimit = Math.max(256, sectorSize / DEAL_LIMIT_DENOMINATOR);
        if (sector.dealIds().size() > dealLimit) {
            throw ActorError.illegalArgument("too many deals for sector " + sector.dealIds().size() + " > " + dealLimit);
        }
    }

    void checkExpiration(long epoch, long activation, long expiration) {
        if (expiration <= activation) {
            throw ActorError.illegalArgument("sector expiration " + expiration + " must be after activation " + activation);
        }
        if (expiration - activation < policy.minSectorExpiration()) {
            throw ActorError.illegalArgument("invalid expiration " + expiration + ", total sector lifetime ("
                    + (expiration - activation) + ") must exceed " + policy.minSectorExpiration() + " after activation "
                    + activation);
        }
        if (expiration > epoch + policy.maxSectorExpirationExtension()) {
            throw ActorError.illegalArgument("invalid expiration " + expiration + ", cannot be more than "
                    + policy.maxSectorExpirationExtension() + " past current epoch " + epoch);
        }
    }

    /** The market's VerifyDealsForActivation, then the declared CommD against the one the deals' pieces make. */
    private void checkDeals(SectorPreCommitInfo sector, long epoch, long sectorSize) {
        if (sector.dealIds().isEmpty()) {
            return;
        }
        List<DealProposal> proposals = deals.verifyForPreCommit(sector.dealIds(), sector.expiration(), sectorSize, epoch);
        List<SectorLayout.Piece> pieces = new ArrayList<>();
        for (DealProposal proposal : proposals) {
            pieces.add(new SectorLayout.Piece(PieceCids.fromV1(proposal.pieceCid()), PaddedPieceSize.of(proposal.pieceSize())));
        }
        Cid computed;
        try {
            computed = PieceCids.v1(SectorLayout.commD(PaddedPieceSize.of(sectorSize), pieces));
        } catch (IllegalArgumentException e) {
            throw ActorError.illegalArgument("failed to compute unsealed sector CID: " + e.getMessage());
        }
        if (!sector.unsealedCid().equals(Optional.of(computed))) {
            throw ActorError.illegalArgument("computed " + computed + " and passed "
                    + sector.unsealedCid().map(Cid::toString).orElse("no") + " CommDs not equal");
        }
    }
}
