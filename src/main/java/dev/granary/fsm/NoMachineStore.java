package dev.granary.fsm;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/** The store of machines that are not kept. */
enum NoMachineStore implements MachineStore {
    INSTANCE;

    @Override
    public Future<Void> write(List<MachineWrite> batch) {
        return Future.succeededFuture();
    }

    @Override
    public Future<List<MachineRecord>> loadActive(String type) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Optional<MachineRecord>> load(String type, String id) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<List<LogEntry>> log(String type, String id) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<MachineRecord>> listByState(String type, String state, int limit) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
