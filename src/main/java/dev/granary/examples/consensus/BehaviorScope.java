package dev.granary.examples.consensus;

import dev.granary.fsm.Behavior;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The timers and provider calls of one behavior run. Provider futures and timers may fire after the machine
 * left the state; the engine would drop their events anyway, but stopping here also spares the provider
 * calls that would follow. Everything continues on the machine's context, whichever thread a provider
 * completes on, so a behavior never races its own machine.
 */
final class BehaviorScope implements Behavior.Cancellable {
    private final Vertx vertx;
    private final Context context;
    private final Set<Long> timers = new HashSet<>();
    private volatile boolean cancelled;

    BehaviorScope(Vertx vertx) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
    }

    boolean active() {
        return !cancelled;
    }

    /** Runs {@code step} after {@code delay}, unless the behavior is cancelled first. */
    void after(Duration delay, Runnable step) {
        if (cancelled) {
            return;
        }
        long[] id = new long[1];
        id[0] = vertx.setTimer(Math.max(1, delay.toMillis()), fired -> {
            timers.remove(id[0]);
            if (!cancelled) {
                step.run();
            }
        });
        timers.add(id[0]);
    }

    /**
     * Calls a provider and continues with its result or failure, while the behavior is still running. A
     * provider that throws, or returns no future, counts as failed.
     */
    <T> void call(Callable<Future<T>> provider, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        if (cancelled) {
            return;
        }
        Future<T> result;
        try {
            result = provider.call();
            if (result == null) {
                result = Future.failedFuture(new IllegalStateException("provider returned no future"));
            }
        } catch (Exception e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(done -> onContext(() -> {
            if (cancelled) {
                return;
            }
            if (done.succeeded()) {
                onResult.accept(done.result());
            } else {
                onFailure.accept(done.cause());
            }
        }));
    }

    private void onContext(Runnable step) {
        if (Vertx.currentContext() == context) {
            step.run();
        } else {
            context.runOnContext(v -> step.run());
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }
}
