package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * Faulty sectors of one partition that will be proven again, a tuple of 3 (go-state-types
 * builtin/v13+ miner {@code RecoveryDeclaration}; builtin-actors actors/miner/src/types.rs).
 */
public record RecoveryDeclaration(long deadline, long partition, BitField sectors) {
    public static final List<String> FIELDS = PartitionSectors.FIELDS;
    public static final CborCodec<RecoveryDeclaration> CODEC = CborCodec.of(
            (w, d) -> PartitionSectors.write(w, d.deadline, d.partition, d.sectors),
            r -> PartitionSectors.read(r, "RecoveryDeclaration", RecoveryDeclaration::new));

    public RecoveryDeclaration {
        PartitionSectors.requireSectors(sectors);
    }
}
