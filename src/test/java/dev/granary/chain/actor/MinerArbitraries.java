package dev.granary.chain.actor;

import dev.granary.chain.SectorPreCommitInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;


import static dev.granary.fuzz.FilecoinArbitraries.addresses;
import static dev.granary.chain.actor.ActorArbitraries.bitFields;
import static dev.granary.fuzz.FilecoinArbitraries.bytes;
import static dev.granary.chain.actor.ActorArbitraries.cids;
import static dev.granary.fuzz.FilecoinArbitraries.epochs;
import static dev.granary.fuzz.FilecoinArbitraries.pieceCids;
import static dev.granary.chain.actor.ActorArbitraries.sealedCids;
import static dev.granary.fuzz.FilecoinArbitraries.uint64s;

/** Generators for the miner actor's params and returns. */
final class MinerArbitraries {
    private MinerArbitraries() {
    }

    static Arbitrary<SectorPreCommitInfo> preCommitInfos() {
        Arbitrary<Long> sealProofs = Arbitraries.oneOf(Arbitraries.longs().between(0, 20), Arbitraries.longs());
        return Combinators.combine(sealProofs, uint64s(), sealedCids(), epochs(), uint64s().list().ofMaxSize(5), epochs(),
                pieceCids().optional()).as(SectorPreCommitInfo::new);
    }

    static Arbitrary<PreCommitSectorBatch2Params> preCommitBatches() {
        return preCommitInfos().list().ofMaxSize(4).map(PreCommitSectorBatch2Params::new);
    }

    static Arbitrary<VerifiedAllocationKey> allocationKeys() {
        return Combinators.combine(uint64s(), uint64s()).as(VerifiedAllocationKey::new);
    }

    static Arbitrary<DataActivationNotification> notifications() {
        return Arbitraries.oneOf(
                uint64s().map(MarketDealNotification::forDeal),
                Combinators.combine(addresses(), bytes(40)).as(DataActivationNotification::new));
    }

    static Arbitrary<PieceActivationManifest> pieces() {
        return Combinators.combine(cids(), uint64s(), allocationKeys().optional(), notifications().list().ofMaxSize(2))
                .as(PieceActivationManifest::new);
    }

    static Arbitrary<SectorActivationManifest> sectorActivations() {
        return Combinators.combine(uint64s(), pieces().list().ofMaxSize(3)).as(SectorActivationManifest::new);
    }

    static Arbitrary<ProveCommitSectors3Params> proveCommitSectors3() {
        return Combinators.combine(sectorActivations().list().ofMaxSize(3), bytes(60).list().ofMaxSize(3),
                bytes(80).optional(), Arbitraries.oneOf(Arbitraries.longs().between(0, 3), Arbitraries.longs()).optional(),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(ProveCommitSectors3Params::new);
    }

    static Arbitrary<FailCode> failCodes() {
        return Combinators.combine(uint64s(), Arbitraries.oneOf(Arbitraries.longs().between(0, 40), Arbitraries.longs()))
                .as(FailCode::new);
    }

    static Arbitrary<BatchReturn> batchReturns() {
        return Combinators.combine(uint64s(), failCodes().list().ofMaxSize(5)).as(BatchReturn::new);
    }

    static Arbitrary<ProveCommitAggregateParams> proveCommitAggregates() {
        return Combinators.combine(bitFields(), bytes(80)).as(ProveCommitAggregateParams::new);
    }

    static Arbitrary<TerminationDeclaration> terminations() {
        return Combinators.combine(uint64s(), uint64s(), bitFields()).as(TerminationDeclaration::new);
    }

    static Arbitrary<FaultDeclaration> faults() {
        return Combinators.combine(uint64s(), uint64s(), bitFields()).as(FaultDeclaration::new);
    }

    static Arbitrary<RecoveryDeclaration> recoveries() {
        return Combinators.combine(uint64s(), uint64s(), bitFields()).as(RecoveryDeclaration::new);
    }

    static Arbitrary<TerminateSectorsParams> terminateSectors() {
        return terminations().list().ofMaxSize(4).map(TerminateSectorsParams::new);
    }

    static Arbitrary<DeclareFaultsParams> declareFaults() {
        return faults().list().ofMaxSize(4).map(DeclareFaultsParams::new);
    }

    static Arbitrary<DeclareFaultsRecoveredParams> declareRecoveries() {
        return recoveries().list().ofMaxSize(4).map(DeclareFaultsRecoveredParams::new);
    }

    static Arbitrary<TerminateSectorsReturn> terminateReturns() {
        return Arbitraries.of(true, false).map(TerminateSectorsReturn::new);
    }

}
