package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * Sectors of one partition that will miss their Window PoSt, a tuple of 3 (go-state-types
 * builtin/v13+ miner {@code FaultDeclaration}; builtin-actors actors/miner/src/types.rs).
 */
public record FaultDeclaration(long deadline, long partition, BitField sectors) {
    public static final List<String> FIELDS = PartitionSectors.FIELDS;
    public static final CborCodec<FaultDeclaration> CODEC = CborCodec.of(
            (w, d) -> PartitionSectors.write(w, d.deadline, d.partition, d.sectors),
            r -> PartitionSectors.read(r, "FaultDeclaration", FaultDeclaration::new));

    public FaultDeclaration {
        PartitionSectors.requireSectors(sectors);
    }
}
