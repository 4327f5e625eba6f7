package dev.granary.chain.actor;

import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;

/**
 * Miner PreCommitSectorBatch2 (method 28) params: a tuple of 1, the sectors (go-state-types builtin/v13+ miner
 * {@code PreCommitSectorBatchParams2}; builtin-actors actors/miner/src/types.rs).
 *
 * <p>Bound: actors v13 to v15 refused batches over 256 sectors ({@code PRE_COMMIT_SECTOR_BATCH_MAX_SIZE});
 * FIP-0100 (actors v16, builtin-actors fa53fe06) dropped that, leaving cbor-gen's slice limit
 * ({@value #MAX_SECTORS}), which is what we decode with. {@link #LEGACY_MAX_SECTORS} is there for a sender
 * that must still suit pre-v16 networks.
 */
public record PreCommitSectorBatch2Params(List<SectorPreCommitInfo> sectors) {
    public static final int MAX_SECTORS = ActorFields.MAX_LIST;
    public static final int LEGACY_MAX_SECTORS = 256;
    public static final List<String> FIELDS = List.of("Sectors");
    public static final CborCodec<PreCommitSectorBatch2Params> CODEC = CborCodec.of(PreCommitSectorBatch2Params::write,
            PreCommitSectorBatch2Params::read);

    public PreCommitSectorBatch2Params {
        sectors = ActorFields.list(sectors, MAX_SECTORS, "sectors");
        sectors.forEach(SectorPreCommitInfoCodec::requireWritable);
    }

    private static void write(CborWriter w, PreCommitSectorBatch2Params p) {
        w.writeArrayHeader(FIELDS.size()).writeArray(p.sectors, SectorPreCommitInfoCodec.CODEC::write);
    }

    private static PreCommitSectorBatch2Params read(CborReader r) {
        return r.readTuple("PreCommitSectorBatch2Params", FIELDS,
                in -> new PreCommitSectorBatch2Params(in.readArray(MAX_SECTORS, SectorPreCommitInfoCodec.CODEC::read)));
    }
}
