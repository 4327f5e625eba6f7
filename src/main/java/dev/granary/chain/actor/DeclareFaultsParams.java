package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * Miner DeclareFaults (method 10) params: a tuple of 1, the declarations (go-state-types builtin/v13+ miner
 * {@code DeclareFaultsParams}; builtin-actors actors/miner/src/types.rs). Actors before v16 capped the list at 3000
 * ({@code DECLARATIONS_MAX}, dropped by FIP-0100); cbor-gen's 8192 is the decoding bound.
 */
public record DeclareFaultsParams(List<FaultDeclaration> faults) {
    public static final int MAX_DECLARATIONS = PartitionSectors.MAX_DECLARATIONS;
    public static final List<String> FIELDS = List.of("Faults");
    public static final CborCodec<DeclareFaultsParams> CODEC = CborCodec.of(
            (w, p) -> w.writeArrayHeader(FIELDS.size()).writeArray(p.faults, FaultDeclaration.CODEC::write),
            r -> r.readTuple("DeclareFaultsParams", FIELDS,
                    in -> new DeclareFaultsParams(in.readArray(MAX_DECLARATIONS, FaultDeclaration.CODEC::read))));

    public DeclareFaultsParams {
        faults = ActorFields.list(faults, MAX_DECLARATIONS, "faults");
    }
}
