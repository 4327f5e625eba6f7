package dev.granary.p2p.host;

import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.yamux.YamuxStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * One negotiated application stream. Bytes that arrived together with the multistream answer are delivered first,
 * before anything the muxer holds, which is why the underlying yamux stream stays paused until a handler is set.
 *
 * <p>Like its yamux stream, it must only be used from {@link #context()}; handlers given to
 * {@link Libp2pHost#handle} and futures returned by the host already run there.
 */
public final class Libp2pStream implements ReadStream<Buffer>, WriteStream<Buffer> {
    private final YamuxStream stream;
    private final String protocol;
    private final Connection connection;
    private Buffer pending;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;
    private boolean paused;
    private long deadlineTimer = -1;

    Libp2pStream(YamuxStream stream, String protocol, Connection connection, Buffer leftover) {
        this.stream = stream;
        this.protocol = protocol;
        this.connection = connection;
        this.pending = leftover.length() > 0 ? leftover : null;
        stream.pause();
    }

    public String protocol() {
        return protocol;
    }

    public PeerId remotePeer() {
        return connection.remotePeer();
    }

    public Context context() {
        return connection.context();
    }

    /** The connection the stream runs over. */
    Connection connection() {
        return connection;
    }

    /** True for streams we opened, false for streams the peer opened. */
    public boolean isOutbound() {
        return stream.isOutbound();
    }

    @Override
    public Libp2pStream handler(Handler<Buffer> value) {
        handler = value;
        stream.handler(value);
        flow();
        return this;
    }

    @Override
    public Libp2pStream endHandler(Handler<Void> value) {
        stream.endHandler(value);
        return this;
    }

    @Override
    public Libp2pStream exceptionHandler(Handler<Throwable> value) {
        exceptionHandler = value;
        stream.exceptionHandler(value);
        return this;
    }

    /**
     * Gives the whole exchange {@code timeout} from now: a stream not closed in both directions by then is reset, and
     * the exception handler gets a {@link HostException} saying so. Replaces an earlier deadline. A slow or silent
     * peer thus costs a handler at most this long, whatever it is waiting for.
     */
    public Libp2pStream deadline(java.time.Duration timeout) {
        clearDeadline();
        deadlineTimer = connection.context().owner().setTimer(Math.max(1, timeout.toMillis()), id -> {
            deadlineTimer = -1;
            if (!stream.isClosed()) {
                HostException exceeded = new HostException(protocol + " stream with " + remotePeer()
                        + " did not finish within its deadline of " + timeout);
                stream.exceptionHandler(null);
                stream.reset();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(exceeded);
                }
            }
        });
        return this;
    }

    public Libp2pStream clearDeadline() {
        if (deadlineTimer >= 0) {
            connection.context().owner().cancelTimer(deadlineTimer);
            deadlineTimer = -1;
        }
        return this;
    }

    @Override
    public Libp2pStream pause() {
        paused = true;
        stream.pause();
        return this;
    }

    @Override
    public Libp2pStream resume() {
        paused = false;
        flow();
        return this;
    }

    @Override
    public Libp2pStream fetch(long amount) {
        if (amount <= 0 || handler == null) {
            return this;
        }
        if (pending != null) {
            deliverPending();
            amount--;
        }
        if (amount > 0) {
            stream.fetch(amount);
        }
        return this;
    }

    private void flow() {
        if (handler == null || paused) {
            return;
        }
        if (pending != null) {
            deliverPending();
        }
        if (!paused) {
            stream.resume();
        }
    }

    private void deliverPending() {
        Buffer first = pending;
        pending = null;
        handler.handle(first);
    }

    @Override
    public Future<Void> write(Buffer data) {
        return stream.write(data);
    }

    /** Half-closes: sends FIN after the queued data; reading goes on until the peer's FIN. */
    @Override
    public Future<Void> end() {
        return stream.end();
    }

    /** Aborts both directions (yamux RST). */
    public Future<Void> reset() {
        return stream.reset();
    }

    @Override
    public Libp2pStream setWriteQueueMaxSize(int maxSize) {
        stream.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return stream.writeQueueFull();
    }

    @Override
    public Libp2pStream drainHandler(Handler<Void> value) {
        stream.drainHandler(value);
        return this;
    }

    /** Collects everything until the peer's FIN, refusing more than {@code maxBytes}. */
    public Future<Buffer> readAll(int maxBytes) {
        var promise = Promise.<Buffer>promise();
        Buffer all = Buffer.buffer();
        exceptionHandler(promise::tryFail);
        endHandler(ignored -> promise.tryComplete(all));
        handler(chunk -> {
            if (all.length() + chunk.length() > maxBytes) {
                promise.tryFail(new IllegalStateException(protocol + ": peer sent more than " + maxBytes + " bytes"));
                reset();
                return;
            }
            all.appendBuffer(chunk);
        });
        return promise.future();
    }
}
