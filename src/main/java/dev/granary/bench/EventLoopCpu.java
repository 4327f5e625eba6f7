package dev.granary.bench;

import io.vertx.core.Vertx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of the event-loop thread behind one {@link Vertx}. Exact when that Vert.x has a single event loop (as the
 * bench command creates them); with more loops it counts the one a new context lands on.
 */
final class EventLoopCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long threadId;

    private EventLoopCpu(long threadId) {
        this.threadId = threadId;
    }

    static EventLoopCpu of(Vertx vertx) {
        CompletableFuture<Long> id = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> id.complete(Thread.currentThread().threadId()));
        try {
            return new EventLoopCpu(id.get(1, TimeUnit.MINUTES));
        } catch (Exception e) {
            throw new IllegalStateException("event loop did not answer", e);
        }
    }

    /** CPU nanoseconds used so far, 0 where the JVM cannot measure thread CPU time. */
    long nanos() {
        return THREADS.isThreadCpuTimeSupported() ? Math.max(0, THREADS.getThreadCpuTime(threadId)) : 0;
    }
}
