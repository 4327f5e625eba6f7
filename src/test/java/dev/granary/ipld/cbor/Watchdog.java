package dev.granary.ipld.cbor;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each fuzz case on one reused daemon thread and waits a bounded time, so a decoder that loops forever
 * fails its property instead of stalling the build. The hand-off costs microseconds per case.
 */
final class Watchdog {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cbor-fuzz-case");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {
    }

    /** Runs {@code body}; rethrows what it threw (unwrapped), or fails when it takes longer than {@code seconds}. */
    static <T> T within(int seconds, Callable<T> body) throws Throwable {
        Future<T> future = WORKER.submit(body);
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("decoding did not finish within " + seconds + " s");
        }
    }
}
