package dev.granary.fsm.impl;

import dev.granary.fsm.DataCodec;
import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineRecord;
import dev.granary.fsm.MachineStore;
import dev.granary.fsm.MachineWrite;
import io.vertx.core.Future;

/** Turns what happened to a machine into store writes (or nothing, for an in-memory group). */
public final class Recorder<S extends Enum<S>, D> {
    private final String type;
    private final DataCodec<D> codec;
    private final WriteBatcher batcher;
    private final boolean persistent;
    private final int logLimit;

    public Recorder(String type, DataCodec<D> codec, MachineStore store, int logLimit) {
        this.type = type;
        this.codec = codec;
        this.batcher = new WriteBatcher(store);
        this.persistent = store.persistent();
        this.logLimit = logLimit;
    }

    /** The machine after a change, with its new log entry; completes once durable. */
    public Future<Void> write(String id, S state, D data, long version, long logSeq, boolean terminal, Long deadline,
                              long now, String event, S from, String outcome, String detail) {
        if (!persistent) {
            return Future.succeededFuture();
        }
        String encoded;
        try {
            encoded = codec.encode(data);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        MachineRecord record = new MachineRecord(type, id, state.name(), encoded, version, logSeq, terminal, deadline, now);
        LogEntry entry = new LogEntry(logSeq, now, event, from == null ? null : from.name(), state.name(), outcome, detail);
        return batcher.write(new MachineWrite(record, entry, logLimit));
    }

    /** A log line about the machine as it stands (refused event, handler error). */
    public Future<Void> note(Machine<S, D> machine, long now, String event, String outcome, String detail) {
        machine.logSeq++;
        return write(machine.id, machine.state, machine.data, machine.version, machine.logSeq, machine.terminal,
                machine.deadline, now, event, machine.state, outcome, detail);
    }

    public WriteBatcher batcher() {
        return batcher;
    }
}
