package dev.granary.chain.actor;

import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.ipld.cbor.CborCodec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static dev.granary.chain.actor.MarketProperties.roundTrip;

/**
 * Miner params and returns: decode(encode(x)) == x for every type, and {@value CodecFuzz#CASES} hostile
 * inputs per decoder (see {@link CodecFuzz}); the nested types are fuzzed on their own too.
 */
class MinerProperties {
    private static final int TRIES = 300;

    private static final Fuzzed<SectorPreCommitInfo> PRE_COMMIT_INFO = new Fuzzed<>(MinerArbitraries.preCommitInfos(), SectorPreCommitInfoCodec.CODEC);
    private static final Fuzzed<PreCommitSectorBatch2Params> PRE_COMMIT = new Fuzzed<>(MinerArbitraries.preCommitBatches(), PreCommitSectorBatch2Params.CODEC);
    private static final Fuzzed<ProveCommitSectors3Params> PROVE_COMMIT = new Fuzzed<>(MinerArbitraries.proveCommitSectors3(), ProveCommitSectors3Params.CODEC);
    private static final Fuzzed<SectorActivationManifest> ACTIVATION = new Fuzzed<>(MinerArbitraries.sectorActivations(), SectorActivationManifest.CODEC);
    private static final Fuzzed<PieceActivationManifest> PIECE = new Fuzzed<>(MinerArbitraries.pieces(), PieceActivationManifest.CODEC);
    private static final Fuzzed<VerifiedAllocationKey> ALLOCATION = new Fuzzed<>(MinerArbitraries.allocationKeys(), VerifiedAllocationKey.CODEC);
    private static final Fuzzed<DataActivationNotification> NOTIFICATION = new Fuzzed<>(MinerArbitraries.notifications(), DataActivationNotification.CODEC);
    private static final Fuzzed<BatchReturn> BATCH_RETURN = new Fuzzed<>(MinerArbitraries.batchReturns(), BatchReturn.CODEC);
    private static final Fuzzed<FailCode> FAIL_CODE = new Fuzzed<>(MinerArbitraries.failCodes(), FailCode.CODEC);
    private static final Fuzzed<ProveCommitAggregateParams> AGGREGATE = new Fuzzed<>(MinerArbitraries.proveCommitAggregates(), ProveCommitAggregateParams.CODEC);
    private static final Fuzzed<TerminateSectorsParams> TERMINATE = new Fuzzed<>(MinerArbitraries.terminateSectors(), TerminateSectorsParams.CODEC);
    private static final Fuzzed<TerminationDeclaration> TERMINATION = new Fuzzed<>(MinerArbitraries.terminations(), TerminationDeclaration.CODEC);
    private static final Fuzzed<TerminateSectorsReturn> TERMINATE_RETURN = new Fuzzed<>(MinerArbitraries.terminateReturns(), TerminateSectorsReturn.CODEC);
    private static final Fuzzed<DeclareFaultsParams> FAULTS = new Fuzzed<>(MinerArbitraries.declareFaults(), DeclareFaultsParams.CODEC);
    private static final Fuzzed<FaultDeclaration> FAULT = new Fuzzed<>(MinerArbitraries.faults(), FaultDeclaration.CODEC);
    private static final Fuzzed<DeclareFaultsRecoveredParams> RECOVERIES = new Fuzzed<>(MinerArbitraries.declareRecoveries(), DeclareFaultsRecoveredParams.CODEC);
    private static final Fuzzed<RecoveryDeclaration> RECOVERY = new Fuzzed<>(MinerArbitraries.recoveries(), RecoveryDeclaration.CODEC);

    /** A decoder under test: its generator, its codec and the valid encodings its hostile cases start from. */
    private record Fuzzed<T>(Arbitrary<T> values, CborCodec<T> codec, List<byte[]> pool) {
        Fuzzed(Arbitrary<T> values, CborCodec<T> codec) {
            this(values, codec, CodecFuzz.pool(values, codec));
        }

        void hostile(long seed) throws Throwable {
            CodecFuzz.run(codec, pool, seed);
        }

        void roundTrips(T value) {
            roundTrip(codec, value);
        }
    }

    @Provide Arbitrary<SectorPreCommitInfo> preCommitInfo() { return PRE_COMMIT_INFO.values(); }
    @Provide Arbitrary<PreCommitSectorBatch2Params> preCommit() { return PRE_COMMIT.values(); }
    @Provide Arbitrary<ProveCommitSectors3Params> proveCommit() { return PROVE_COMMIT.values(); }
    @Provide Arbitrary<BatchReturn> batchReturn() { return BATCH_RETURN.values(); }
    @Provide Arbitrary<ProveCommitAggregateParams> aggregate() { return AGGREGATE.values(); }
    @Provide Arbitrary<TerminateSectorsParams> terminate() { return TERMINATE.values(); }
    @Provide Arbitrary<TerminateSectorsReturn> terminateReturn() { return TERMINATE_RETURN.values(); }
    @Provide Arbitrary<DeclareFaultsParams> faults() { return FAULTS.values(); }
    @Provide Arbitrary<DeclareFaultsRecoveredParams> recoveries() { return RECOVERIES.values(); }

    @Property(tries = TRIES) void preCommitInfoRoundTrips(@ForAll("preCommitInfo") SectorPreCommitInfo v) { PRE_COMMIT_INFO.roundTrips(v); }
    @Property(tries = TRIES) void preCommitBatchRoundTrips(@ForAll("preCommit") PreCommitSectorBatch2Params v) { PRE_COMMIT.roundTrips(v); }
    @Property(tries = TRIES) void proveCommitSectors3RoundTrips(@ForAll("proveCommit") ProveCommitSectors3Params v) { PROVE_COMMIT.roundTrips(v); }
    @Property(tries = TRIES) void batchReturnRoundTrips(@ForAll("batchReturn") BatchReturn v) { BATCH_RETURN.roundTrips(v); }
    @Property(tries = TRIES) void proveCommitAggregateRoundTrips(@ForAll("aggregate") ProveCommitAggregateParams v) { AGGREGATE.roundTrips(v); }
    @Property(tries = TRIES) void terminateSectorsRoundTrips(@ForAll("terminate") TerminateSectorsParams v) { TERMINATE.roundTrips(v); }
    @Property(tries = TRIES) void terminateReturnRoundTrips(@ForAll("terminateReturn") TerminateSectorsReturn v) { TERMINATE_RETURN.roundTrips(v); }
    @Property(tries = TRIES) void declareFaultsRoundTrips(@ForAll("faults") DeclareFaultsParams v) { FAULTS.roundTrips(v); }
    @Property(tries = TRIES) void declareRecoveriesRoundTrips(@ForAll("recoveries") DeclareFaultsRecoveredParams v) { RECOVERIES.roundTrips(v); }

    @Property(tries = CodecFuzz.TRIES) void preCommitInfoHostile(@ForAll long seed) throws Throwable { PRE_COMMIT_INFO.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void preCommitBatchHostile(@ForAll long seed) throws Throwable { PRE_COMMIT.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void proveCommitSectors3Hostile(@ForAll long seed) throws Throwable { PROVE_COMMIT.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void sectorActivationHostile(@ForAll long seed) throws Throwable { ACTIVATION.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void pieceActivationHostile(@ForAll long seed) throws Throwable { PIECE.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void allocationKeyHostile(@ForAll long seed) throws Throwable { ALLOCATION.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void notificationHostile(@ForAll long seed) throws Throwable { NOTIFICATION.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void batchReturnHostile(@ForAll long seed) throws Throwable { BATCH_RETURN.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void failCodeHostile(@ForAll long seed) throws Throwable { FAIL_CODE.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void proveCommitAggregateHostile(@ForAll long seed) throws Throwable { AGGREGATE.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void terminateSectorsHostile(@ForAll long seed) throws Throwable { TERMINATE.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void terminationHostile(@ForAll long seed) throws Throwable { TERMINATION.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void terminateReturnHostile(@ForAll long seed) throws Throwable { TERMINATE_RETURN.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void declareFaultsHostile(@ForAll long seed) throws Throwable { FAULTS.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void faultHostile(@ForAll long seed) throws Throwable { FAULT.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void declareRecoveriesHostile(@ForAll long seed) throws Throwable { RECOVERIES.hostile(seed); }
    @Property(tries = CodecFuzz.TRIES) void recoveryHostile(@ForAll long seed) throws Throwable { RECOVERY.hostile(seed); }
}
