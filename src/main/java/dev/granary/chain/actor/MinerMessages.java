package dev.granary.chain.actor;

import dev.granary.chain.MessageRequest;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.cbor.Cbor;

import java.util.List;

/**
 * Messages to a miner actor, ready for {@code ChainApi.pushMessage}. {@code from} is the worker (or a control
 * address). The value of a pre-commit is the deposit, of a prove-commit the initial pledge (collateral); the
 * actor draws any shortfall from the miner's available balance and refunds nothing it did not need, so
 * sending zero is valid when the miner is funded.
 */
public final class MinerMessages {
    private MinerMessages() {
    }

    public static MessageRequest preCommitSectorBatch2(Address from, Address miner, List<SectorPreCommitInfo> sectors,
                                                       TokenAmount deposit, TokenAmount maxFee) {
        return message(from, miner, deposit, MinerMethod.PRE_COMMIT_SECTOR_BATCH2,
                Cbor.encode(PreCommitSectorBatch2Params.CODEC, new PreCommitSectorBatch2Params(sectors)), maxFee);
    }

    public static MessageRequest proveCommitSectors3(Address from, Address miner, ProveCommitSectors3Params params,
                                                     TokenAmount collateral, TokenAmount maxFee) {
        return message(from, miner, collateral, MinerMethod.PROVE_COMMIT_SECTORS3,
                Cbor.encode(ProveCommitSectors3Params.CODEC, params), maxFee);
    }

    /** Only for networks before actors v17 (see {@link MinerMethod#PROVE_COMMIT_AGGREGATE}). */
    public static MessageRequest proveCommitAggregate(Address from, Address miner, BitField sectorNumbers,
                                                      byte[] aggregateProof, TokenAmount collateral, TokenAmount maxFee) {
        return message(from, miner, collateral, MinerMethod.PROVE_COMMIT_AGGREGATE,
                Cbor.encode(ProveCommitAggregateParams.CODEC, new ProveCommitAggregateParams(sectorNumbers, aggregateProof)),
                maxFee);
    }

    public static MessageRequest declareFaults(Address from, Address miner, List<FaultDeclaration> faults,
                                               TokenAmount maxFee) {
        return message(from, miner, TokenAmount.ZERO, MinerMethod.DECLARE_FAULTS,
                Cbor.encode(DeclareFaultsParams.CODEC, new DeclareFaultsParams(faults)), maxFee);
    }

    public static MessageRequest declareFaultsRecovered(Address from, Address miner, List<RecoveryDeclaration> recoveries,
                                                        TokenAmount maxFee) {
        return message(from, miner, TokenAmount.ZERO, MinerMethod.DECLARE_FAULTS_RECOVERED,
                Cbor.encode(DeclareFaultsRecoveredParams.CODEC, new DeclareFaultsRecoveredParams(recoveries)), maxFee);
    }

    public static MessageRequest terminateSectors(Address from, Address miner, List<TerminationDeclaration> terminations,
                                                  TokenAmount maxFee) {
        return message(from, miner, TokenAmount.ZERO, MinerMethod.TERMINATE_SECTORS,
                Cbor.encode(TerminateSectorsParams.CODEC, new TerminateSectorsParams(terminations)), maxFee);
    }

    private static MessageRequest message(Address from, Address miner, TokenAmount value, long method, byte[] params,
                                          TokenAmount maxFee) {
        return new MessageRequest(from, miner, value, method, params, maxFee);
    }
}
