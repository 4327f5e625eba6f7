package dev.granary.store;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking waits for tests, which run on JUnit's own (non-Vert.x) thread; bounded so a hang fails. */
public final class Await {
    private static final long SECONDS = 30;

    private Await() {
    }

    public static <T> T await(Future<T> future) throws Exception {
        return future.await(SECONDS, TimeUnit.SECONDS);
    }

    /** The failure of {@code future}; fails the test if it succeeds instead. */
    public static Throwable failure(Future<?> future) throws Exception {
        AsyncResult<?> result = future.<AsyncResult<?>>transform(Future::succeededFuture).await(SECONDS, TimeUnit.SECONDS);
        assertTrue(result.failed(), () -> "expected a failure, got " + result.result());
        return result.cause();
    }
}
