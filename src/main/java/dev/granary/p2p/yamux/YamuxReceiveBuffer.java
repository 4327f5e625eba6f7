package dev.granary.p2p.yamux;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The receiving half of a stream. Window is re-granted only for bytes the application has actually taken (delivered
 * under its demand), and only once at least half the target window is owed, as go does: a paused reader therefore
 * stops the sender, and the bytes held here never exceed the window we granted.
 *
 * <p>The window tunes itself as go-yamux's does: when the reader took half a window within four round trips of the
 * previous grant, the window is what limits the transfer, so it doubles, up to {@code maxWindow}. A slow reader never
 * grows it, because nothing is granted until it has taken the bytes.
 */
final class YamuxReceiveBuffer {
    private final long maxWindow;
    private final LongSupplier roundTripNanos;
    private final LongSupplier clock;
    private final LongConsumer grant;
    private long targetWindow;
    private long epochStart;
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

    /**
     * @param roundTripNanos the session's measured round trip, 0 while unknown (no tuning until then)
     * @param clock          nanosecond clock ({@code System::nanoTime} outside tests)
     * @param grant          sends a WindowUpdate with the given delta
     */
    YamuxReceiveBuffer(long initialWindow, long maxWindow, LongSupplier roundTripNanos, LongSupplier clock,
                       LongConsumer grant) {
        this.targetWindow = initialWindow;
        this.window = initialWindow;
        this.maxWindow = Math.max(initialWindow, maxWindow);
        this.roundTripNanos = roundTripNanos;
        this.clock = clock;
        this.grant = grant;
        this.epochStart = clock.getAsLong();
    }

    /** The window we aim to keep granted (grows with tuning). */
    long targetWindow() {
        return targetWindow;
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
        long now = clock.getAsLong();
        long rtt = roundTripNanos.getAsLong();
        long growth = 0;
        if (rtt > 0 && now - epochStart < 4 * rtt && targetWindow < maxWindow) {
            long grown = Math.min(targetWindow * 2, maxWindow);
            growth = grown - targetWindow;
            targetWindow = grown;
        }
        epochStart = now;
        long delta = consumedNotGranted + growth;
        consumedNotGranted = 0;
        window += delta;
        grant.accept(delta);
    }
}
