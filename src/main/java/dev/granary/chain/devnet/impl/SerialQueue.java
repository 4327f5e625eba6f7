package dev.granary.chain.devnet.impl;

import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * Runs state-changing operations one after another on the devnet context, each only once the previous one's store
 * write is done, so a failed write can roll back exactly its own changes.
 */
final class SerialQueue {
    private Future<?> tail = Future.succeededFuture();

    <T> Future<T> submit(Supplier<Future<T>> operation) {
        Future<T> result = tail.transform(previous -> {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
        tail = result.transform(done -> Future.succeededFuture());
        return result;
    }

    /** True while no operation is queued or running. */
    boolean idle() {
        return tail.isComplete();
    }
}
