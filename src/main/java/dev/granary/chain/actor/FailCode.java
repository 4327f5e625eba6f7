package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * One failed item of a batch: its index in the batch and the exit code, a tuple of 2 (go-state-types
 * batch.FailCode: Idx uint64, Code int64; builtin-actors runtime/src/util/batch.rs: u32 and ExitCode).
 */
public record FailCode(long index, long code) {
    public static final List<String> FIELDS = List.of("Idx", "Code");
    public static final CborCodec<FailCode> CODEC = CborCodec.of(
            (w, f) -> w.writeArrayHeader(FIELDS.size()).writeUint64(f.index).writeInt64(f.code),
            r -> r.readTuple("FailCode", FIELDS, in -> new FailCode(in.readUint64(), in.readInt64())));
}
