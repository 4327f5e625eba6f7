package dev.granary.filecoin.market;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a fuzz case on a daemon thread with a time bound, so a decoder that hangs fails the property instead of the build. */
final class CaseTimeout {
    private static final int SECONDS = 5;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "market-fuzz-case");
        thread.setDaemon(true);
        return thread;
    });

    private CaseTimeout() {
    }

    static <T> T run(Callable<T> body) throws Throwable {
        Future<T> future = RUNNER.submit(body);
        try {
            return future.get(SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("case did not finish within " + SECONDS + " s");
        }
    }
}
