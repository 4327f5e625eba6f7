package dev.granary.chain;

import dev.granary.ipld.Cid;

import java.util.List;
import java.util.Optional;

/**
 * One sector of a pre-commit ({@code PreCommitSectorBatch2}): {@code sealProof} is the registered seal proof
 * number (8 = 32 GiB V1_1), {@code unsealedCid} is CommD, set only for sectors holding data.
 */
public record SectorPreCommitInfo(long sealProof, long sectorNumber, Cid sealedCid, long sealRandEpoch,
                                  List<Long> dealIds, long expiration, Optional<Cid> unsealedCid) {
    public SectorPreCommitInfo {
        dealIds = List.copyOf(dealIds);
    }
}
