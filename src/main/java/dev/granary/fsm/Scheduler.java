package dev.granary.fsm;

import io.vertx.core.Vertx;

/**
 * Time for the engine: the clock deadlines are computed with, and timers. A port so tests can drive time
 * by hand; the default uses the wall clock and Vert.x timers (which fire on the context that set them).
 */
public interface Scheduler {
    long now();

    /** Runs {@code task} at {@code atMillis} (at once if that has passed). Returns an id for {@link #cancel}. */
    long schedule(long atMillis, Runnable task);

    void cancel(long id);

    static Scheduler vertx(Vertx vertx) {
        return new Scheduler() {
            @Override
            public long now() {
                return System.currentTimeMillis();
            }

            @Override
            public long schedule(long atMillis, Runnable task) {
                return vertx.setTimer(Math.max(1, atMillis - now()), id -> task.run());
            }

            @Override
            public void cancel(long id) {
                vertx.cancelTimer(id);
            }
        };
    }
}
