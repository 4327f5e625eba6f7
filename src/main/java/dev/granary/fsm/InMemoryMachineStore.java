package dev.granary.fsm;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that keeps records in maps, for tests: it encodes and decodes like a real one, so reloading a group
 * from it exercises the same path as a restart. Not thread-safe; use it from one group's context.
 */
public final class InMemoryMachineStore implements MachineStore {
    private final Map<String, MachineRecord> machines = new HashMap<>();
    private final Map<String, Deque<LogEntry>> logs = new HashMap<>();
    private int writes;

    @Override
    public Future<Void> write(List<MachineWrite> batch) {
        for (MachineWrite write : batch) {
            String key = key(write.machine().type(), write.machine().id());
            machines.put(key, write.machine());
            Deque<LogEntry> log = logs.computeIfAbsent(key, k -> new ArrayDeque<>());
            log.addLast(write.entry());
            while (log.size() > write.logLimit()) {
                log.removeFirst();
            }
        }
        writes++;
        return Future.succeededFuture();
    }

    @Override
    public Future<List<MachineRecord>> loadActive(String type) {
        return Future.succeededFuture(machines.values().stream()
                .filter(m -> m.type().equals(type) && !m.terminal())
                .sorted(Comparator.comparing(MachineRecord::id))
                .toList());
    }

    @Override
    public Future<Optional<MachineRecord>> load(String type, String id) {
        return Future.succeededFuture(Optional.ofNullable(machines.get(key(type, id))));
    }

    @Override
    public Future<List<LogEntry>> log(String type, String id) {
        return Future.succeededFuture(new ArrayList<>(logs.getOrDefault(key(type, id), new ArrayDeque<>())));
    }

    @Override
    public Future<List<MachineRecord>> listByState(String type, String state, int limit) {
        return Future.succeededFuture(machines.values().stream()
                .filter(m -> m.type().equals(type) && m.state().equals(state))
                .sorted(Comparator.comparing(MachineRecord::id))
                .limit(limit)
                .toList());
    }

    /** Store calls so far (each a batch): lets tests see group commit at work. */
    public int writeCalls() {
        return writes;
    }

    private static String key(String type, String id) {
        return type + "\u0000" + id;
    }
}
