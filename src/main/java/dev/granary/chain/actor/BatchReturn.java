package dev.granary.chain.actor;

import dev.granary.chain.ExitCode;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a batch call, per item: a tuple of 2, how many succeeded and the failures in index order
 * (go-state-types batch.BatchReturn; builtin-actors runtime/src/util/batch.rs). ProveCommitSectors3 returns
 * exactly this ({@code ProveCommitSectors3Return} is transparent in Rust, an alias in Go).
 */
public record BatchReturn(long successCount, List<FailCode> failCodes) {
    public static final int MAX_FAILURES = ActorFields.MAX_LIST;
    public static final List<String> FIELDS = List.of("SuccessCount", "FailCodes");
    public static final CborCodec<BatchReturn> CODEC = CborCodec.of(BatchReturn::write, BatchReturn::read);

    public BatchReturn {
        failCodes = ActorFields.list(failCodes, MAX_FAILURES, "failCodes");
    }

    /** The return for one exit code per item, in batch order (what the devnet produces). */
    public static BatchReturn of(List<Long> exitCodes) {
        List<FailCode> failures = new ArrayList<>();
        for (int i = 0; i < exitCodes.size(); i++) {
            if (exitCodes.get(i) != ExitCode.OK) {
                failures.add(new FailCode(i, exitCodes.get(i)));
            }
        }
        return new BatchReturn(exitCodes.size() - failures.size(), failures);
    }

    public long size() {
        return successCount + failCodes.size();
    }

    public boolean allOk() {
        return failCodes.isEmpty();
    }

    /**
     * One exit code per item, in batch order; refused when the fail codes do not fit the batch (an index out
     * of order or past the end) or the batch is larger than any params list can be, since then no such list
     * exists.
     */
    public List<Long> codes() {
        long size = size();
        if (successCount < 0 || size > ActorFields.MAX_LIST) {
            throw new IllegalStateException("a batch holds at most " + ActorFields.MAX_LIST + " items, this one claims "
                    + Long.toUnsignedString(successCount) + " successes and " + failCodes.size() + " failures");
        }
        List<Long> codes = new ArrayList<>((int) size);
        for (FailCode failure : failCodes) {
            if (failure.index() < codes.size() || failure.index() >= size) {
                throw new IllegalStateException("fail code index " + failure.index() + " out of order or past the batch of " + size);
            }
            while (codes.size() < failure.index()) {
                codes.add(ExitCode.OK);
            }
            codes.add(failure.code());
        }
        while (codes.size() < size) {
            codes.add(ExitCode.OK);
        }
        return codes;
    }

    private static void write(CborWriter w, BatchReturn b) {
        w.writeArrayHeader(FIELDS.size()).writeUint64(b.successCount).writeArray(b.failCodes, FailCode.CODEC::write);
    }

    private static BatchReturn read(CborReader r) {
        return r.readTuple("BatchReturn", FIELDS,
                in -> new BatchReturn(in.readUint64(), in.readArray(MAX_FAILURES, FailCode.CODEC::read)));
    }
}
