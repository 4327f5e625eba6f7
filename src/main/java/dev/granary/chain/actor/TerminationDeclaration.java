package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * Sectors of one partition to terminate early, a tuple of 3 (go-state-types builtin/v13+ miner
 * {@code TerminationDeclaration}; builtin-actors actors/miner/src/types.rs).
 */
public record TerminationDeclaration(long deadline, long partition, BitField sectors) {
    public static final List<String> FIELDS = PartitionSectors.FIELDS;
    public static final CborCodec<TerminationDeclaration> CODEC = CborCodec.of(
            (w, d) -> PartitionSectors.write(w, d.deadline, d.partition, d.sectors),
            r -> PartitionSectors.read(r, "TerminationDeclaration", TerminationDeclaration::new));

    public TerminationDeclaration {
        PartitionSectors.requireSectors(sectors);
    }
}
