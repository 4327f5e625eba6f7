package dev.granary.fsm;

import java.util.Map;
import java.util.TreeMap;

/**
 * A clock tests move by hand. Tasks run when {@link #advance} passes their time, on the calling thread:
 * call it on the group's context (e.g. inside {@code vertx.runOnContext} or from a test on that context).
 */
public final class ManualScheduler implements Scheduler {
    private final TreeMap<Long, Map.Entry<Long, Runnable>> tasks = new TreeMap<>();
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
        // key: time in the high bits is not needed; order by (time, id) through a composite key
        tasks.put(key(Math.max(atMillis, now), id), Map.entry(id, task));
        return id;
    }

    @Override
    public void cancel(long id) {
        tasks.values().removeIf(entry -> entry.getKey() == id);
    }

    /** Moves the clock forward, running every task that falls due, in time order. */
    public void advance(long millis) {
        long until = now + millis;
        while (!tasks.isEmpty()) {
            long firstKey = tasks.firstKey();
            long at = firstKey >> 20;
            if (at > until) {
                break;
            }
            Map.Entry<Long, Runnable> task = tasks.remove(firstKey);
            now = Math.max(now, at);
            task.getValue().run();
        }
        now = until;
    }

    public int pending() {
        return tasks.size();
    }

    private static long key(long at, long id) {
        return (at << 20) | (id & 0xFFFFF);
    }
}
