package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * One yamux stream as a Vert.x read and write stream, so {@code pipeTo} and friends work on it.
 *
 * <p>Threading: a stream, like its session, lives on the single Vert.x context that reads the connection. It has no
 * locks; every method must be called from that context.
 *
 * <p>Reading: demand (pause/resume/fetch) decides what is delivered, and only delivered bytes are re-granted to the
 * peer, so a slow reader slows the sender instead of growing a buffer. {@code endHandler} runs after the peer's FIN
 * and all data before it; {@code exceptionHandler} gets a {@link YamuxStreamResetException} on the peer's RST, or the
 * session's failure.
 *
 * <p>Writing: {@code write} completes once the bytes are handed to the connection, which may wait for the peer's
 * window; {@code writeQueueFull()} reports bytes waiting for window; {@code end()} half-closes with FIN (reading goes
 * on); {@code reset()} aborts both directions with RST.
 */
public final class YamuxStream implements ReadStream<Buffer>, WriteStream<Buffer> {
    private final YamuxSession session;
    private final int id;
    private final boolean outbound;
    private final YamuxSendQueue send;
    private final YamuxReceiveBuffer receive;
    private Handler<Throwable> exceptionHandler;
    private boolean terminated;
    /** A peer's RST that arrived before anyone listened (e.g. during protocol negotiation): told to the next handler. */
    private Throwable untoldFailure;

    YamuxStream(YamuxSession session, int id, boolean outbound, YamuxConfig config) {
        this.session = session;
        this.id = id;
        this.outbound = outbound;
        this.send = new YamuxSendQueue(id, config.maxFrameBody(), config.writeQueueMaxBytes(), this::sendFrame,
                session::runLater);
        this.receive = new YamuxReceiveBuffer(config.initialWindow(), config.maxWindow(), session::roundTripNanos,
                System::nanoTime, delta -> sendFrame(YamuxFrame.windowUpdate(id, 0, delta)));
    }

    /** The stream id: odd when the client (dialer) opened it, even when the server (listener) did. */
    public int id() {
        return id;
    }

    public boolean isOutbound() {
        return outbound;
    }

    /** True once the stream is reset, fully closed in both directions, or its session has closed. */
    public boolean isClosed() {
        return terminated;
    }

    @Override
    public YamuxStream handler(Handler<Buffer> handler) {
        receive.handler(handler);
        return this;
    }

    @Override
    public YamuxStream endHandler(Handler<Void> endHandler) {
        receive.endHandler(endHandler);
        return this;
    }

    @Override
    public YamuxStream exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        if (handler != null && untoldFailure != null) {
            Throwable failure = untoldFailure;
            untoldFailure = null;
            handler.handle(failure);
        }
        return this;
    }

    @Override
    public YamuxStream pause() {
        receive.pause();
        return this;
    }

    @Override
    public YamuxStream resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public YamuxStream fetch(long amount) {
        receive.fetch(amount);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        return send.write(data);
    }

    @Override
    public Future<Void> end() {
        Future<Void> fin = send.finish();
        fin.onSuccess(ignored -> closeIfDone());
        return fin;
    }

    /** Aborts both directions with RST (error code 0). */
    public Future<Void> reset() {
        return reset(0);
    }

    /** Aborts both directions with RST carrying {@code errorCode}, as go-yamux v5 does in the WindowUpdate length. */
    public Future<Void> reset(long errorCode) {
        if (terminated) {
            return Future.succeededFuture();
        }
        sendFrame(YamuxFrame.windowUpdate(id, YamuxFrame.RST, errorCode));
        terminate(new YamuxStreamResetException(id, errorCode, false), false);
        return Future.succeededFuture();
    }

    @Override
    public YamuxStream setWriteQueueMaxSize(int maxSize) {
        send.maxQueuedBytes(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return send.full();
    }

    @Override
    public YamuxStream drainHandler(Handler<Void> handler) {
        send.drainHandler(handler);
        return this;
    }

    /** Bytes received but not yet delivered to the reader; never more than the window we granted. */
    long bufferedBytes() {
        return receive.bufferedBytes();
    }

    long receiveWindow() {
        return receive.window();
    }

    long sendWindow() {
        return send.window();
    }

    void onFrame(YamuxFrame frame) {
        if (frame.type() == YamuxFrameType.DATA) {
            receive.onData(frame.body());
        } else if (!frame.has(YamuxFrame.RST)) {
            send.grow(frame.length()); // with RST the length is an error code, not a window delta
        }
        if (frame.has(YamuxFrame.RST)) {
            long code = frame.type() == YamuxFrameType.WINDOW_UPDATE ? frame.length() : 0;
            terminate(new YamuxStreamResetException(id, code, true), true);
            return;
        }
        if (frame.has(YamuxFrame.FIN)) {
            receive.onRemoteFin();
            closeIfDone();
        }
    }

    /** Ends the stream for good: pending writes fail, held data is dropped, the session forgets the id. */
    void terminate(Throwable cause, boolean notify) {
        if (terminated) {
            return;
        }
        terminated = true;
        send.fail(cause);
        receive.discard();
        session.forget(this);
        if (notify && exceptionHandler != null) {
            exceptionHandler.handle(cause);
        } else if (notify) {
            untoldFailure = cause;
        }
    }

    private void closeIfDone() {
        if (!terminated && send.finSent() && receive.remoteFin()) {
            terminated = true;
            send.fail(new YamuxException("yamux stream " + Integer.toUnsignedString(id) + " closed"));
            session.forget(this);
        }
    }

    private void sendFrame(YamuxFrame frame) {
        session.send(frame);
    }
}
