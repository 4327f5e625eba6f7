package dev.granary.p2p.yamux;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * The receiving half of a stream. Window is re-granted only for bytes the application has actually taken (delivered
 * under its demand), and only once at least half the target window is owed, as go does: a paused reader therefore
 * stops the sender, and the bytes held here never exceed the window we granted.
 */
final class YamuxReceiveBuffer {
    private final long targetWindow;
    private final LongConsumer grant;
    private final ArrayDeque<Buffer> chunks = new ArrayDeque<>();
    private long window;
    private long bufferedBytes;
    private long consumedNotGranted;
    private long demand = Long.MAX_VALUE;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private boolean remoteFin;
    private boolean endDelivered;
    private boolean delivering;
    private boolean discarded;

    /** @param grant sends a WindowUpdate with the given delta */
    YamuxReceiveBuffer(long targetWindow, LongConsumer grant) {
        this.targetWindow = targetWindow;
        this.window = targetWindow;
        this.grant = grant;
    }

    /** The most the peer may still send: what the decoder accepts as a Data body. */
    long window() {
        return window;
    }

    long bufferedBytes() {
        return bufferedBytes;
    }

    boolean endDelivered() {
        return endDelivered;
    }

    boolean remoteFin() {
        return remoteFin;
    }

    void onData(Buffer data) {
        if (data.length() > window) {
            // the decoder checks this first; kept so the invariant holds even if a caller bypasses it
            throw new YamuxProtocolException("receive window exceeded");
        }
        window -= data.length();
        if (discarded || remoteFin || data.length() == 0) {
            return;
        }
        chunks.add(data);
        bufferedBytes += data.length();
        deliver();
    }

    void onRemoteFin() {
        remoteFin = true;
        deliver();
    }

    void handler(Handler<Buffer> value) {
        handler = value;
        deliver();
    }

    void endHandler(Handler<Void> value) {
        endHandler = value;
        deliver();
    }

    void pause() {
        demand = 0;
    }

    void fetch(long amount) {
        if (amount <= 0) {
            return;
        }
        demand = demand > Long.MAX_VALUE - amount ? Long.MAX_VALUE : demand + amount;
        deliver();
    }

    /** The stream was reset or the session closed: drop what is held and stop granting. */
    void discard() {
        discarded = true;
        chunks.clear();
        bufferedBytes = 0;
    }

    private void deliver() {
        if (delivering) {
            return; // a handler fetched or set handlers from inside a delivery; the outer loop continues
        }
        delivering = true;
        try {
            while (!discarded && demand > 0 && handler != null && !chunks.isEmpty()) {
                Buffer chunk = chunks.poll();
                bufferedBytes -= chunk.length();
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                consumedNotGranted += chunk.length();
                grantIfDue();
                handler.handle(chunk);
            }
            if (!discarded && chunks.isEmpty() && remoteFin && !endDelivered && endHandler != null) {
                endDelivered = true;
                endHandler.handle(null);
            }
        } finally {
            delivering = false;
        }
    }

    private void grantIfDue() {
        if (remoteFin || consumedNotGranted < targetWindow / 2) {
            return; // after FIN the peer sends nothing more, so window would be wasted
        }
        long delta = consumedNotGranted;
        consumedNotGranted = 0;
        window += delta;
        grant.accept(delta);
    }
}
