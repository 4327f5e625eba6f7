package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * Miner TerminateSectors (method 9) params: a tuple of 1, the declarations (go-state-types builtin/v13+ miner
 * {@code TerminateSectorsParams}; builtin-actors actors/miner/src/types.rs). Actors before v16 capped the list at 3000
 * ({@code DECLARATIONS_MAX}, dropped by FIP-0100); cbor-gen's 8192 is the decoding bound.
 */
public record TerminateSectorsParams(List<TerminationDeclaration> terminations) {
    public static final int MAX_DECLARATIONS = PartitionSectors.MAX_DECLARATIONS;
    public static final List<String> FIELDS = List.of("Terminations");
    public static final CborCodec<TerminateSectorsParams> CODEC = CborCodec.of(
            (w, p) -> w.writeArrayHeader(FIELDS.size()).writeArray(p.terminations, TerminationDeclaration.CODEC::write),
            r -> r.readTuple("TerminateSectorsParams", FIELDS,
                    in -> new TerminateSectorsParams(in.readArray(MAX_DECLARATIONS, TerminationDeclaration.CODEC::read))));

    public TerminateSectorsParams {
        terminations = ActorFields.list(terminations, MAX_DECLARATIONS, "terminations");
    }
}
