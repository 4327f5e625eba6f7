package dev.granary.chain.lotus.impl;

import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;

import java.util.List;
import java.util.Optional;

/** Sector pre-commits ({@code miner.SectorPreCommitOnChainInfo}) and proven sectors ({@code miner.SectorOnChainInfo}). */
public final class SectorJson {
    /** A 64 GiB sector holds at most 512 deals (builtin-actors DEAL_LIMIT_DENOMINATOR); room for more. */
    static final int MAX_DEAL_IDS = 1 << 16;

    private SectorJson() {
    }

    public static SectorPreCommitOnChainInfo preCommit(JsonValue onChain) {
        SectorPreCommitInfo info = preCommitInfo(onChain.field("Info"));
        TokenAmount deposit = onChain.field("PreCommitDeposit").tokenAmount();
        long epoch = onChain.field("PreCommitEpoch").int64();
        return new SectorPreCommitOnChainInfo(info, deposit, epoch);
    }

    static SectorPreCommitInfo preCommitInfo(JsonValue info) {
        long sealProof = info.field("SealProof").int64();
        long sectorNumber = info.field("SectorNumber").nonNegative();
        Cid sealed = info.field("SealedCID").cid();
        long sealRandEpoch = info.field("SealRandEpoch").int64();
        List<Long> dealIds = info.field("DealIDs").list(MAX_DEAL_IDS, JsonValue::uint64);
        long expiration = info.field("Expiration").int64();
        Optional<Cid> unsealed = info.field("UnsealedCid").optional(JsonValue::cid);
        return new SectorPreCommitInfo(sealProof, sectorNumber, sealed, sealRandEpoch, dealIds, expiration, unsealed);
    }

    /**
     * Since actors v13 (FIP-0076) the sector's deal IDs are no longer part of its on-chain info and lotus does not
     * write them ({@code DeprecatedDealIDs} is {@code json:"-"}); an older node's {@code DealIDs} are read when present.
     * Faultiness is not part of the info either: the caller reads it from the miner's faults bitfield.
     */
    public static SectorOnChainInfo onChain(JsonValue info, boolean faulty) {
        long sectorNumber = info.field("SectorNumber").nonNegative();
        long sealProof = info.field("SealProof").int64();
        Cid sealed = info.field("SealedCID").cid();
        List<Long> dealIds = info.field("DealIDs").list(MAX_DEAL_IDS, JsonValue::uint64);
        long activation = info.field("Activation").int64();
        long expiration = info.field("Expiration").int64();
        TokenAmount pledge = info.field("InitialPledge").tokenAmount();
        return new SectorOnChainInfo(sectorNumber, sealProof, sealed, dealIds, activation, expiration, pledge, faulty);
    }
}
