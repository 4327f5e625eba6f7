package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.actor.BatchReturn;
import dev.granary.chain.actor.BitField;
import dev.granary.chain.actor.DataActivationNotification;
import dev.granary.chain.actor.MarketDealNotification;
import dev.granary.chain.actor.PieceActivationManifest;
import dev.granary.chain.actor.ProveCommitAggregateParams;
import dev.granary.chain.actor.ProveCommitSectors3Params;
import dev.granary.chain.actor.SectorActivationManifest;
import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.chain.devnet.MockPoRep;
import dev.granary.chain.devnet.SealProofs;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.piece.PaddedPieceSize;
import dev.granary.piece.PieceCids;
import dev.granary.piece.SectorLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ProveCommitSectors3 and the legacy ProveCommitAggregate as the real actor runs them: the seed must be in the past
 * (proving at or before {@code preCommitEpoch + PreCommitChallengeDelay} fails the whole message with ErrForbidden),
 * the proof must arrive within the max prove-commit duration, and it must equal {@link MockPoRep}'s. Sectors failing
 * a per-sector check are reported in the {@link BatchReturn}, unless the message requires activation success, which
 * turns any failure into a failed message. Deals are activated through the pieces' market notifications
 * (ProveCommitSectors3, whose pre-commits must carry no deal IDs) or from the pre-commit's deal IDs (aggregate).
 */
final class ProveCommits {
    /** RegisteredAggregationProof SnarkPackV2. */
    private static final long SNARK_PACK_V2 = 1;
    /** ERR_NOTIFICATION_REJECTED of builtin-actors' miner. */
    private static final long NOTIFICATION_REJECTED = 1004;

    private final DevnetState state;
    private final DealLifecycle deals;
    private final SealInputs seal;
    private final DevnetPolicy policy;

    ProveCommits(DevnetState state, DealLifecycle deals, SealInputs seal, DevnetPolicy policy) {
        this.state = state;
        this.deals = deals;
        this.seal = seal;
        this.policy = policy;
    }

    byte[] proveCommitSectors3(Invocation call) {
        MinerActor.requireControlling(state, call);
        ProveCommitSectors3Params params = call.params(ProveCommitSectors3Params.CODEC, "ProveCommitSectors3Params");
        List<SectorActivationManifest> activations = params.sectorActivations();
        List<SectorPreCommitOnChainInfo> precommits = load(activations.stream().map(SectorActivationManifest::sectorNumber).toList());
        if (precommits.isEmpty()) {
            throw ActorError.illegalArgument("no sectors to prove");
        }
        List<byte[]> proofs = params.sectorProofs();
        if (proofs.isEmpty() == params.aggregateProof().isEmpty()) {
            throw ActorError.illegalArgument("exactly one of sector proofs or aggregate proof must be non-empty");
        }
        boolean allOrNothing = params.requireActivationSuccess();
        if (!proofs.isEmpty()) {
            if (params.aggregateProofType().isPresent()) {
                throw ActorError.illegalArgument("aggregate proof type must be null with batched proofs");
            }
            if (activations.size() != proofs.size()) {
                throw ActorError.illegalArgument("mismatched lengths: " + activations.size() + " sector activations, "
                        + proofs.size() + " proofs");
            }
            int maxProof = SealProofs.proofBytes(state.miner().sectorSize());
            for (byte[] proof : proofs) {
                if (proof.length > maxProof) {
                    throw ActorError.illegalArgument("sector proof size " + proof.length + " exceeds max " + maxProof);
                }
            }
        } else {
            if (!params.aggregateProofType().equals(Optional.of(SNARK_PACK_V2))) {
                throw ActorError.illegalArgument("aggregate proof type must be SnarkPackV2");
            }
            checkAggregateSize(activations.size(), params.aggregateProof().orElseThrow().length);
        }
        long[] codes = validate(precommits, false, allOrNothing, call.epoch());
        if (Arrays.stream(codes).allMatch(code -> code != ExitCode.OK)) {
            throw ActorError.illegalArgument("no valid precommits specified");
        }
        if (!proofs.isEmpty()) {
            for (int i = 0; i < precommits.size(); i++) {
                if (codes[i] == ExitCode.OK && !Arrays.equals(proofs.get(i), seal.expectedProof(precommits.get(i)))) {
                    if (allOrNothing) {
                        throw ActorError.illegalArgument("invalid proof for sector " + precommits.get(i).info().sectorNumber()
                                + " while requiring activation success");
                    }
                    call.note("invalid proof for sector " + precommits.get(i).info().sectorNumber());
                    codes[i] = ExitCode.ERR_ILLEGAL_ARGUMENT;
                }
            }
            if (Arrays.stream(codes).allMatch(code -> code != ExitCode.OK)) {
                throw ActorError.illegalArgument("no valid proofs specified");
            }
        } else {
            verifyAggregate(precommits, params.aggregateProof().orElseThrow());
        }
        for (int i = 0; i < precommits.size(); i++) {
            if (codes[i] != ExitCode.OK) {
                continue;
            }
            SectorActivationManifest activation = activations.get(i);
            checkCommD(precommits.get(i), activation.pieces());
            if (activation.pieces().stream().anyMatch(p -> p.verifiedAllocationKey().isPresent())) {
                if (allOrNothing) {
                    throw ActorError.illegalArgument("sector " + activation.sectorNumber()
                            + " claims verified allocations, and the devnet has no verified registry");
                }
                call.note("sector " + activation.sectorNumber() + ": no verified registry to claim allocations from");
                codes[i] = ExitCode.ERR_ILLEGAL_ARGUMENT;
            }
        }
        if (Arrays.stream(codes).allMatch(code -> code != ExitCode.OK)) {
            throw ActorError.illegalArgument("all data activations failed");
        }
        for (int i = 0; i < precommits.size(); i++) {
            if (codes[i] == ExitCode.OK) {
                List<Long> deals = notifyMarket(call, activations.get(i), precommits.get(i),
                        params.requireNotificationSuccess());
                activate(precommits.get(i), call.epoch(), deals);
            }
        }
        return Cbor.encode(BatchReturn.CODEC, BatchReturn.of(Arrays.stream(codes).boxed().toList()));
    }

    void proveCommitAggregate(Invocation call) {
        MinerActor.requireControlling(state, call);
        ProveCommitAggregateParams params = call.params(ProveCommitAggregateParams.CODEC, "ProveCommitAggregateParams");
        BitField numbers = params.sectorNumbers();
        if (numbers.isEmpty()) {
            throw ActorError.illegalArgument("no sectors");
        }
        checkAggregateSize(numbers.count(), params.aggregateProof().length);
        List<SectorPreCommitOnChainInfo> precommits = load(Arrays.stream(numbers.values()).boxed().toList());
        long[] codes = validate(precommits, true, false, call.epoch());
        verifyAggregate(precommits, params.aggregateProof());
        for (int i = 0; i < precommits.size(); i++) {
            if (codes[i] != ExitCode.OK) {
                continue;
            }
            SectorPreCommitOnChainInfo precommit = precommits.get(i);
            List<Long> dealIds = precommit.info().dealIds();
            Optional<String> problem = dealIds.stream().map(id -> state.deals.get(id)
                            .map(deal -> deals.activationProblem(deal, precommit.info().expiration(), call.epoch()))
                            .orElse(Optional.of("deal " + id + " not found")))
                    .flatMap(Optional::stream).findFirst();
            if (problem.isPresent()) {
                call.note("sector " + precommit.info().sectorNumber() + " not activated: " + problem.get());
                continue;
            }
            dealIds.forEach(id -> deals.activate(id, precommit.info().sectorNumber(), call.epoch()));
            activate(precommit, call.epoch(), dealIds);
        }
    }

    /** Every sector must be pre-committed, or the message fails as get_precommitted_sectors does. */
    private List<SectorPreCommitOnChainInfo> load(List<Long> numbers) {
        List<SectorPreCommitOnChainInfo> precommits = new ArrayList<>();
        for (long number : numbers) {
            SectorRecord sector = state.sectors.get(number)
                    .filter(s -> s.status() == SectorRecord.Status.PRECOMMITTED)
                    .orElseThrow(() -> ActorError.notFound("sector " + number + " is not pre-committed"));
            precommits.add(sector.precommit());
        }
        return precommits;
    }

    /** validate_precommits: one exit code per sector; a seed not yet reached fails the whole message. */
    private long[] validate(List<SectorPreCommitOnChainInfo> precommits, boolean allowDeals, boolean allOrNothing, long epoch) {
        long[] codes = new long[precommits.size()];
        for (int i = 0; i < precommits.size(); i++) {
            SectorPreCommitOnChainInfo precommit = precommits.get(i);
            boolean fail = !allowDeals && !precommit.info().dealIds().isEmpty();
            fail |= epoch > precommit.preCommitEpoch() + policy.maxProveCommitDuration();
            long seedEpoch = seal.interactiveEpoch(precommit);
            if (epoch <= seedEpoch) {
                throw ActorError.forbidden("too early to prove sector " + precommit.info().sectorNumber()
                        + ": its seed is drawn at epoch " + seedEpoch + ", now is " + epoch);
            }
            if (fail && allOrNothing) {
                throw ActorError.illegalArgument("invalid pre-commit " + i + " while requiring activation success: sector "
                        + precommit.info().sectorNumber() + (epoch > precommit.preCommitEpoch() + policy.maxProveCommitDuration()
                        ? " is past its prove-commit deadline" : " has pre-committed deal IDs"));
            }
            codes[i] = fail ? ExitCode.ERR_ILLEGAL_ARGUMENT : ExitCode.OK;
        }
        return codes;
    }

    private static void checkAggregateSize(long sectors, int proofBytes) {
        if (sectors > ProveCommitAggregateParams.MAX_AGGREGATED_SECTORS) {
            throw ActorError.illegalArgument("too many sectors addressed, addressed " + sectors + " want <= "
                    + ProveCommitAggregateParams.MAX_AGGREGATED_SECTORS);
        }
        if (sectors < ProveCommitAggregateParams.MIN_AGGREGATED_SECTORS) {
            throw ActorError.illegalArgument("too few sectors addressed, addressed " + sectors + " want >= "
                    + ProveCommitAggregateParams.MIN_AGGREGATED_SECTORS);
        }
        if (proofBytes > ProveCommitAggregateParams.MAX_AGGREGATE_PROOF_BYTES) {
            throw ActorError.illegalArgument("sector prove-commit proof of size " + proofBytes + " exceeds max size of "
                    + ProveCommitAggregateParams.MAX_AGGREGATE_PROOF_BYTES);
        }
    }

    /** Every pre-commit is a witness of the aggregate, valid or not, as on chain. */
    private void verifyAggregate(List<SectorPreCommitOnChainInfo> precommits, byte[] aggregate) {
        List<byte[]> proofs = precommits.stream().map(seal::expectedProof).toList();
        if (!Arrays.equals(aggregate, MockPoRep.aggregate(proofs))) {
            throw ActorError.illegalArgument("aggregate seal verify failed");
        }
    }

    private void checkCommD(SectorPreCommitOnChainInfo precommit, List<PieceActivationManifest> pieces) {
        long sectorSize = state.miner().sectorSize();
        Cid computed;
        try {
            List<SectorLayout.Piece> layout = new ArrayList<>();
            for (PieceActivationManifest piece : pieces) {
                layout.add(new SectorLayout.Piece(PieceCids.fromV1(piece.cid()), PaddedPieceSize.of(piece.size())));
            }
            computed = pieces.isEmpty() ? MockPoRep.zeroCommD(sectorSize)
                    : PieceCids.v1(SectorLayout.commD(PaddedPieceSize.of(sectorSize), layout));
        } catch (IllegalArgumentException e) {
            throw ActorError.illegalArgument("failed to compute unsealed sector CID: " + e.getMessage());
        }
        Cid declared = seal.unsealedCid(precommit.info());
        if (!computed.equals(declared)) {
            throw ActorError.illegalArgument("unsealed CID does not match pieces for sector " + precommit.info().sectorNumber()
                    + ", computed " + computed + " declared " + declared);
        }
    }

    /** Sends each piece's notifications; the market activates the deal a payload names. Returns the deals it took. */
    private List<Long> notifyMarket(Invocation call, SectorActivationManifest activation, SectorPreCommitOnChainInfo precommit,
                                    boolean requireSuccess) {
        List<Long> activated = new ArrayList<>();
        for (PieceActivationManifest piece : activation.pieces()) {
            for (DataActivationNotification notification : piece.notifications()) {
                Optional<String> refusal = deliver(notification, piece, precommit, call.epoch(), activated);
                if (refusal.isPresent()) {
                    String note = "sector change rejected by " + notification.address() + " for sector "
                            + activation.sectorNumber() + " piece " + piece.cid() + ": " + refusal.get();
                    if (requireSuccess) {
                        throw new ActorError(NOTIFICATION_REJECTED, note);
                    }
                    call.note(note);
                }
            }
        }
        return activated;
    }

    private Optional<String> deliver(DataActivationNotification notification, PieceActivationManifest piece,
                                     SectorPreCommitOnChainInfo precommit, long epoch, List<Long> activated) {
        if (!MarketDealNotification.isMarket(notification)) {
            return Optional.of("the devnet delivers notifications to the market actor (f05) only");
        }
        long dealId;
        try {
            dealId = MarketDealNotification.dealId(notification.payload());
        } catch (IllegalArgumentException e) {
            return Optional.of("failed to deserialize deal id: " + e.getMessage());
        }
        if (activated.contains(dealId)) {
            return Optional.of("duplicated deal " + dealId);
        }
        Optional<String> refusal = deals.activateNotified(dealId, piece.cid(), piece.size(),
                precommit.info().sectorNumber(), precommit.info().expiration(), epoch);
        if (refusal.isEmpty()) {
            activated.add(dealId);
        }
        return refusal;
    }

    /** The deposit stays with the sector as its initial pledge (the devnet takes no further funds). */
    private void activate(SectorPreCommitOnChainInfo precommit, long epoch, List<Long> dealIds) {
        long number = precommit.info().sectorNumber();
        SectorRecord sector = state.sectors.get(number).orElseThrow();
        state.sectors.put(number, sector.activated(epoch, precommit.preCommitDeposit(), dealIds));
    }
}
