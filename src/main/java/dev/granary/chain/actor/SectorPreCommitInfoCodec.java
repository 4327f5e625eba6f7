package dev.granary.chain.actor;

import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Optional;

/**
 * The CBOR of the port's {@link SectorPreCommitInfo}: a tuple of 7 (go-state-types builtin/v13+ miner
 * {@code SectorPreCommitInfo}; builtin-actors actors/miner/src/types.rs). The seal proof and epochs are
 * int64, the sector number and deal IDs uint64 (sector numbers above 2^63-1 come back negative, and the
 * actor refuses them), and UnsealedCid is null for a sector without data ({@code CompactCommD}, a
 * transparent {@code Option<Cid>} in Rust, a {@code *cid.Cid} in Go).
 */
public final class SectorPreCommitInfoCodec {
    public static final List<String> FIELDS = List.of("SealProof", "SectorNumber", "SealedCID", "SealRandEpoch",
            "DealIDs", "Expiration", "UnsealedCid");
    /** cbor-gen's bound on DealIDs. */
    public static final int MAX_DEAL_IDS = ActorFields.MAX_LIST;
    public static final CborCodec<SectorPreCommitInfo> CODEC = CborCodec.of(SectorPreCommitInfoCodec::write,
            SectorPreCommitInfoCodec::read);

    private SectorPreCommitInfoCodec() {
    }

    /** Whether {@code info} can be written: Go refuses to marshal more deal IDs than cbor-gen reads. */
    static SectorPreCommitInfo requireWritable(SectorPreCommitInfo info) {
        ActorFields.list(info.dealIds(), MAX_DEAL_IDS, "sector " + info.sectorNumber() + " deal IDs");
        return info;
    }

    private static void write(CborWriter w, SectorPreCommitInfo info) {
        requireWritable(info);
        w.writeArrayHeader(FIELDS.size())
                .writeInt64(info.sealProof())
                .writeUint64(info.sectorNumber())
                .writeCid(info.sealedCid())
                .writeInt64(info.sealRandEpoch());
        ActorFields.writeUint64s(w, info.dealIds());
        w.writeInt64(info.expiration());
        w.writeNullable(info.unsealedCid().orElse(null), CborWriter::writeCid);
    }

    private static SectorPreCommitInfo read(CborReader r) {
        return r.readTuple("SectorPreCommitInfo", FIELDS, in -> {
            long sealProof = in.readInt64();
            long sectorNumber = in.readUint64();
            Cid sealed = in.readCid();
            long sealRandEpoch = in.readInt64();
            List<Long> dealIds = ActorFields.readUint64s(in, MAX_DEAL_IDS);
            long expiration = in.readInt64();
            Cid unsealed = in.readNullable(CborReader::readCid);
            return new SectorPreCommitInfo(sealProof, sectorNumber, sealed, sealRandEpoch, dealIds, expiration,
                    Optional.ofNullable(unsealed));
        });
    }
}
