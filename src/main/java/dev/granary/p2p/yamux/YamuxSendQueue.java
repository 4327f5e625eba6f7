package dev.granary.p2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
    private final Consumer<Runnable> later;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private long window = YamuxConfig.BASE_WINDOW;
    private long queuedBytes;
    private int maxQueuedBytes;
    private Handler<Void> drainHandler;
    private boolean drainWanted;
    private boolean flushing;
    private boolean shortFrameScheduled;
    private Future<Void> finished;
    private boolean finSent;
    private Throwable failure;

    /**
     * @param later runs a task after the current one on the stream's context ({@code Runnable::run} sends short
     *              frames at once)
     */
    YamuxSendQueue(int streamId, int maxFrameBody, int maxQueuedBytes, Consumer<YamuxFrame> out,
                   Consumer<Runnable> later) {
        this.later = later;
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
        flush(false);
    }

    /**
     * Sends what the window allows. Frames limited by the window or the frame size go at once; a frame that would
     * be short only because no more data is queued yet waits for the end of the current event-loop task (unless FIN
     * is queued behind it), so a writer's many small or odd-sized writes in one turn travel as full frames instead
     * of a full frame plus a sliver each, and every frame costs one cipher run on the connection.
     */
    private void flush(boolean shortFramesToo) {
        if (flushing) {
            return; // a completion callback wrote again; the outer loop will send it
        }
        flushing = true;
        boolean shortFrameLeft = false;
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
                if (head.sent == head.data.length()) {
                    queue.poll(); // an empty write
                    head.promise.tryComplete();
                    continue;
                }
                int limit = (int) Math.min(window, maxFrameBody);
                if (limit == 0) {
                    break; // out of window: wait for the peer's WindowUpdate
                }
                int available = queuedUpTo(limit);
                if (available < limit && finished == null && !shortFramesToo) {
                    shortFrameLeft = true;
                    break;
                }
                sendFrame(available);
            }
        } finally {
            flushing = false;
        }
        if (shortFrameLeft) {
            flushShortFrameLater();
        }
        maybeDrain();
    }

    /** Unsent data bytes queued before any FIN, counted up to {@code limit}. */
    private int queuedUpTo(int limit) {
        long total = 0;
        for (PendingWrite write : queue) {
            if (write.data == null || total >= limit) {
                break;
            }
            total += write.data.length() - write.sent;
        }
        return (int) Math.min(total, limit);
    }

    /** One Data frame of {@code length} bytes from the head of the queue, joining writes when one is too short. */
    private void sendFrame(int length) {
        List<Buffer> parts = new ArrayList<>(2);
        List<PendingWrite> completed = new ArrayList<>(2);
        int left = length;
        while (left > 0) {
            PendingWrite write = queue.peek();
            int take = Math.min(left, write.data.length() - write.sent);
            parts.add(write.data.slice(write.sent, write.sent + take));
            write.sent += take;
            left -= take;
            if (write.sent == write.data.length()) {
                completed.add(queue.poll());
            }
        }
        consumed(length);
        // views over the writes' own bytes; the one copy happens when the frame is sealed or encoded
        Buffer body = parts.size() == 1 ? parts.get(0) : BufferInternal.buffer(Unpooled.wrappedBuffer(
                parts.stream().map(part -> ((BufferInternal) part).getByteBuf()).toArray(ByteBuf[]::new)));
        out.accept(YamuxFrame.data(streamId, 0, body));
        completed.forEach(write -> write.promise.tryComplete());
    }

    private void consumed(int length) {
        window -= length;
        queuedBytes -= length;
    }

    private void flushShortFrameLater() {
        if (!shortFrameScheduled) {
            shortFrameScheduled = true;
            later.accept(() -> {
                shortFrameScheduled = false;
                flush(true);
            });
        }
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
