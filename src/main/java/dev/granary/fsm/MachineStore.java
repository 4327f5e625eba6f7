package dev.granary.fsm;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * The persistence port of the FSM engine. A group hands it batches of writes in the order transitions
 * were applied; a batch is atomic (all or nothing) and completes only once durable, because the engine
 * runs a state's entry handler only after its state is stored.
 */
public interface MachineStore {
    Future<Void> write(List<MachineWrite> batch);

    /** Every machine of {@code type} not in a final state. */
    Future<List<MachineRecord>> loadActive(String type);

    Future<Optional<MachineRecord>> load(String type, String id);

    /** The machine's kept log entries, oldest first. */
    Future<List<LogEntry>> log(String type, String id);

    /** Up to {@code limit} machines in {@code state}, by id. */
    Future<List<MachineRecord>> listByState(String type, String state, int limit);

    /** False for {@link #none()}: the group then skips encoding and writing altogether. */
    default boolean persistent() {
        return true;
    }

    /** No persistence: machines live in memory only (benchmarks, ephemeral lifecycles). */
    static MachineStore none() {
        return NoMachineStore.INSTANCE;
    }
}
