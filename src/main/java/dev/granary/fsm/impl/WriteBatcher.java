package dev.granary.fsm.impl;

import dev.granary.fsm.MachineStore;
import dev.granary.fsm.MachineWrite;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;

/**
 * Group commit for one machine group: the first write goes to the store at once; writes that arrive while a
 * batch is in flight wait and go together in the next one. Latency stays one round trip when idle, and under
 * load each store transaction carries many transitions. Touched only on the group's context.
 */
public final class WriteBatcher {
    private final MachineStore store;
    private List<MachineWrite> pending = new ArrayList<>();
    private List<Promise<Void>> waiting = new ArrayList<>();
    private boolean inFlight;
    private long batches;
    private long writes;

    public WriteBatcher(MachineStore store) {
        this.store = store;
    }

    public Future<Void> write(MachineWrite write) {
        Promise<Void> promise = Promise.promise();
        pending.add(write);
        waiting.add(promise);
        if (!inFlight) {
            flush();
        }
        return promise.future();
    }

    private void flush() {
        List<MachineWrite> batch = pending;
        List<Promise<Void>> done = waiting;
        pending = new ArrayList<>();
        waiting = new ArrayList<>();
        inFlight = true;
        batches++;
        writes += batch.size();
        Future<Void> written;
        try {
            written = store.write(batch);
        } catch (RuntimeException e) {
            written = Future.failedFuture(e);
        }
        written.onComplete(result -> {
            inFlight = false;
            for (Promise<Void> promise : done) {
                promise.handle(result);
            }
            if (!pending.isEmpty() && !inFlight) {
                flush();
            }
        });
    }

    /** Store transactions so far. */
    public long batches() {
        return batches;
    }

    /** Writes so far; writes / batches is the mean batch size. */
    public long writes() {
        return writes;
    }
}
