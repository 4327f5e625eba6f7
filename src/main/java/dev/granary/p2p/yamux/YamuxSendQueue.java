package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The sending half of a stream: the peer's window for us, and the writes waiting for it. Nothing is ever sent beyond
 * the window (exceeding it kills the session in go and js); queued bytes beyond {@code maxQueuedBytes} make
 * {@link #full()} true so that pipes pause. FIN is queued behind the data so it never overtakes it.
 */
final class YamuxSendQueue {
    private final int streamId;
    private final int maxFrameBody;
    private final Consumer<YamuxFrame> out;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private long window = YamuxConfig.BASE_WINDOW;
    private long queuedBytes;
    private int maxQueuedBytes;
    private Handler<Void> drainHandler;
    private boolean drainWanted;
    private boolean flushing;
    private Future<Void> finished;
    private boolean finSent;
    private Throwable failure;

    YamuxSendQueue(int streamId, int maxFrameBody, int maxQueuedBytes, Consumer<YamuxFrame> out) {
        this.streamId = streamId;
        this.maxFrameBody = maxFrameBody;
        this.maxQueuedBytes = maxQueuedBytes;
        this.out = out;
    }

    Future<Void> write(Buffer data) {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        if (finished != null) {
            return Future.failedFuture(new YamuxException("yamux stream " + Integer.toUnsignedString(streamId) + " already ended"));
        }
        PendingWrite write = new PendingWrite(data);
        queue.add(write);
        queuedBytes += data.length();
        flush();
        full();
        return write.promise.future();
    }

    /** Queues FIN after all data; completes once FIN is handed to the transport. */
    Future<Void> finish() {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        if (finished == null) {
            PendingWrite fin = new PendingWrite(null);
            queue.add(fin);
            finished = fin.promise.future();
            flush();
        }
        return finished;
    }

    void grow(long delta) {
        window += delta;
        flush();
    }

    /** Asking counts as interest in the drain event, as with Vert.x sockets. */
    boolean full() {
        boolean full = queuedBytes >= maxQueuedBytes;
        drainWanted |= full;
        return full;
    }

    boolean finSent() {
        return finSent;
    }

    long window() {
        return window;
    }

    void maxQueuedBytes(int value) {
        maxQueuedBytes = value;
    }

    void drainHandler(Handler<Void> handler) {
        drainHandler = handler;
    }

    /** Fails every waiting write; later writes fail at once. */
    void fail(Throwable cause) {
        if (failure != null) {
            return;
        }
        failure = cause;
        queuedBytes = 0;
        PendingWrite write;
        while ((write = queue.poll()) != null) {
            write.promise.tryFail(cause);
        }
    }

    private void flush() {
        if (flushing) {
            return; // a completion callback wrote again; the outer loop will send it
        }
        flushing = true;
        try {
            PendingWrite head;
            while ((head = queue.peek()) != null && failure == null) {
                if (head.data == null) {
                    queue.poll();
                    finSent = true;
                    out.accept(YamuxFrame.windowUpdate(streamId, YamuxFrame.FIN, 0));
                    head.promise.tryComplete();
                    continue;
                }
                int remaining = head.data.length() - head.sent;
                int n = (int) Math.min(Math.min(window, maxFrameBody), remaining);
                if (remaining > 0 && n == 0) {
                    break; // out of window: wait for the peer's WindowUpdate
                }
                if (n > 0) {
                    out.accept(YamuxFrame.data(streamId, 0, head.data.slice(head.sent, head.sent + n)));
                    head.sent += n;
                    window -= n;
                    queuedBytes -= n;
                }
                if (head.sent == head.data.length()) {
                    queue.poll();
                    head.promise.tryComplete();
                }
            }
        } finally {
            flushing = false;
        }
        maybeDrain();
    }

    private void maybeDrain() {
        if (drainWanted && queuedBytes <= maxQueuedBytes / 2 && failure == null) {
            drainWanted = false;
            if (drainHandler != null) {
                drainHandler.handle(null);
            }
        }
    }

    private static final class PendingWrite {
        final Buffer data;
        final Promise<Void> promise = Promise.promise();
        int sent;

        PendingWrite(Buffer data) {
            this.data = data;
        }
    }
}
