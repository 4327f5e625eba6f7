package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * Miner DeclareFaultsRecovered (method 11) params: a tuple of 1, the declarations (go-state-types builtin/v13+ miner
 * {@code DeclareFaultsRecoveredParams}; builtin-actors actors/miner/src/types.rs). Actors before v16 capped the list at 3000
 * ({@code DECLARATIONS_MAX}, dropped by FIP-0100); cbor-gen's 8192 is the decoding bound.
 */
public record DeclareFaultsRecoveredParams(List<RecoveryDeclaration> recoveries) {
    public static final int MAX_DECLARATIONS = PartitionSectors.MAX_DECLARATIONS;
    public static final List<String> FIELDS = List.of("Recoveries");
    public static final CborCodec<DeclareFaultsRecoveredParams> CODEC = CborCodec.of(
            (w, p) -> w.writeArrayHeader(FIELDS.size()).writeArray(p.recoveries, RecoveryDeclaration.CODEC::write),
            r -> r.readTuple("DeclareFaultsRecoveredParams", FIELDS,
                    in -> new DeclareFaultsRecoveredParams(in.readArray(MAX_DECLARATIONS, RecoveryDeclaration.CODEC::read))));

    public DeclareFaultsRecoveredParams {
        recoveries = ActorFields.list(recoveries, MAX_DECLARATIONS, "recoveries");
    }
}
