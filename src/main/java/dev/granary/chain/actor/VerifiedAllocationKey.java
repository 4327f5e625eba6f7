package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * The verified-registry allocation a piece claims: a tuple of 2, client actor ID and allocation ID, both uint64
 * (go-state-types builtin/v13+ miner {@code VerifiedAllocationKey}; builtin-actors actors/miner/src/types.rs).
 */
public record VerifiedAllocationKey(long clientId, long allocationId) {
    public static final List<String> FIELDS = List.of("Client", "ID");
    public static final CborCodec<VerifiedAllocationKey> CODEC = CborCodec.of(
            (w, k) -> w.writeArrayHeader(FIELDS.size()).writeUint64(k.clientId).writeUint64(k.allocationId),
            r -> r.readTuple("VerifiedAllocationKey", FIELDS,
                    in -> new VerifiedAllocationKey(in.readUint64(), in.readUint64())));
}
