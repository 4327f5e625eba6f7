package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * What miner TerminateSectors returns, a tuple of 1 (go-state-types builtin/v13+ miner
 * {@code TerminateSectorsReturn}; builtin-actors actors/miner/src/types.rs): whether all early-termination
 * work is done; when not, the miner calls again with no new sectors to process the rest.
 */
public record TerminateSectorsReturn(boolean done) {
    public static final List<String> FIELDS = List.of("Done");
    public static final CborCodec<TerminateSectorsReturn> CODEC = CborCodec.of(
            (w, r) -> w.writeArrayHeader(FIELDS.size()).writeBool(r.done),
            r -> r.readTuple("TerminateSectorsReturn", FIELDS, in -> new TerminateSectorsReturn(in.readBool())));
}
