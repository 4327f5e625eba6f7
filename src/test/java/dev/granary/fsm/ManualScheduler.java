package dev.granary.fsm;

import java.util.Comparator;
import java.util.TreeMap;

/**
 * A clock tests move by hand. Tasks run when {@link #advance} passes their time, on the calling thread:
 * call it on the group's context (e.g. inside {@code vertx.runOnContext} or from a test on that context).
 */
public final class ManualScheduler implements Scheduler {
    private record Due(long at, long id) {
    }

    private final TreeMap<Due, Runnable> tasks = new TreeMap<>(Comparator.comparingLong(Due::at).thenComparingLong(Due::id));
    private long now;
    private long nextId;

    public ManualScheduler(long start) {
        this.now = start;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long schedule(long atMillis, Runnable task) {
        long id = nextId++;
        tasks.put(new Due(Math.max(atMillis, now), id), task);
        return id;
    }

    @Override
    public void cancel(long id) {
        tasks.keySet().removeIf(due -> due.id() == id);
    }

    /** Moves the clock forward, running every task that falls due, in time order. */
    public void advance(long millis) {
        long until = now + millis;
        while (!tasks.isEmpty() && tasks.firstKey().at() <= until) {
            var task = tasks.pollFirstEntry();
            now = Math.max(now, task.getKey().at());
            task.getValue().run();
        }
        now = until;
    }

    public int pending() {
        return tasks.size();
    }
}
