package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The yamux state machine of one connection, independent of sockets: feed it the connection's bytes with
 * {@link #receive}, and it writes whole frames to the {@code outbound} consumer.
 *
 * <p>Threading: single-threaded by design. It is meant to run on the one Vert.x context of its connection, so it has
 * no locks or atomics; all methods, and those of its streams, must be called from that context.
 *
 * <p>Errors: a protocol violation that leaves the connection untrustworthy (bad header, window overrun, frames on the
 * wrong stream, wrong-parity or duplicate SYN) sends GoAway(protocol error) and closes the session; a SYN beyond
 * {@code maxStreams} or after our GoAway only gets that stream refused with RST.
 */
public final class YamuxSession {
    public enum Role { CLIENT, SERVER }

    private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);

    private final Role role;
    private final YamuxConfig config;
    private final YamuxOutbound outbound;
    private final Consumer<YamuxStream> inboundStreams;
    private final YamuxDecoder decoder;
    private final YamuxPings pings;
    private final Map<Integer, YamuxStream> streams = new HashMap<>();
    private final Promise<Void> closed = Promise.promise();
    private long nextStreamId;
    private int inboundCount;
    private int outboundCount;
    private boolean goAwaySent;
    private boolean goAwayReceived;
    private Runnable pingAnswered = () -> { };
    private Consumer<Runnable> later = Runnable::run;
    private long roundTripNanos;

    /**
     * @param role           CLIENT for the dialer (odd stream ids), SERVER for the listener (even ids)
     * @param outbound       receives encoded frames, each whole, in order
     * @param inboundStreams called for each stream the peer opens, already ACKed; set handlers before returning or
     *                       pause, since data is delivered right away (held data stays within the window)
     */
    public YamuxSession(Role role, YamuxConfig config, Consumer<Buffer> outbound, Consumer<YamuxStream> inboundStreams) {
        this(role, config, (YamuxOutbound) frame -> outbound.accept(YamuxHeaderCodec.encode(frame)), inboundStreams);
    }

    /** As the constructor, with frames handed over unencoded (see {@link YamuxOutbound}). */
    public static YamuxSession withFrameOutbound(Role role, YamuxConfig config, YamuxOutbound outbound,
                                                 Consumer<YamuxStream> inboundStreams) {
        return new YamuxSession(role, config, outbound, inboundStreams);
    }

    private YamuxSession(Role role, YamuxConfig config, YamuxOutbound outbound, Consumer<YamuxStream> inboundStreams) {
        this.role = role;
        this.config = config;
        this.outbound = outbound;
        this.inboundStreams = inboundStreams;
        this.nextStreamId = role == Role.CLIENT ? 1 : 2;
        this.decoder = new YamuxDecoder(this::maxDataLength, this::onFrame);
        this.pings = new YamuxPings(this::send, () -> pingAnswered.run());
    }

    /** Called each time we answer the peer's ping (keepalive); for metrics. */
    public YamuxSession pingAnsweredHandler(Runnable handler) {
        this.pingAnswered = handler;
        return this;
    }

    /**
     * How to run a task after the current one on this session's context. Streams use it to hold back a short Data
     * frame until the writer's turn is over, so that consecutive writes share full frames. The default runs the
     * task at once (every write goes out immediately, frames as short as the writes).
     */
    public YamuxSession runLaterWith(Consumer<Runnable> scheduler) {
        this.later = scheduler;
        return this;
    }

    void runLater(Runnable task) {
        later.accept(task);
    }

    public Role role() {
        return role;
    }

    /**
     * Feeds bytes read from the connection, in any chunking. Data bodies are delivered as views of {@code chunk}, so
     * the caller hands it over: it must not change those bytes afterwards.
     */
    public void receive(Buffer chunk) {
        if (isClosed()) {
            return;
        }
        try {
            decoder.decode(chunk);
        } catch (YamuxProtocolException e) {
            fail(e);
        }
    }

    /** Opens a stream; its SYN goes out at once and data may follow without waiting for the peer's ACK. */
    public Future<YamuxStream> openStream() {
        if (isClosed()) {
            return Future.failedFuture(new YamuxException("yamux session closed"));
        }
        if (goAwayReceived || goAwaySent) {
            return Future.failedFuture(new YamuxException("yamux session is going away"));
        }
        if (outboundCount >= config.maxStreams()) {
            return Future.failedFuture(new YamuxException("yamux outbound stream limit " + config.maxStreams() + " reached"));
        }
        if (nextStreamId > 0xFFFF_FFFFL) {
            return Future.failedFuture(new YamuxException("yamux stream ids exhausted"));
        }
        int id = (int) nextStreamId;
        nextStreamId += 2;
        YamuxStream stream = new YamuxStream(this, id, true, config);
        streams.put(id, stream);
        outboundCount++;
        send(YamuxFrame.windowUpdate(id, YamuxFrame.SYN, config.initialWindow() - YamuxConfig.BASE_WINDOW));
        return Future.succeededFuture(stream);
    }

    /** Sends a ping; completes with the round trip time in nanoseconds, fails if the session closes first. */
    /** Round-trip time in nanoseconds; also kept as the session's round trip for window tuning. */
    public Future<Long> ping() {
        if (isClosed()) {
            return Future.failedFuture(new YamuxException("yamux session closed"));
        }
        return pings.ping().onSuccess(rtt -> roundTripNanos = Math.max(1, rtt));
    }

    /** The last measured round trip, 0 before the first ping came back (streams' windows do not grow until then). */
    long roundTripNanos() {
        return roundTripNanos;
    }

    /** Tells the peer we open no more streams and accept none; existing streams go on. */
    public void goAway() {
        sendGoAway(YamuxFrame.GO_AWAY_NORMAL);
    }

    /** GoAway (normal), then ends every stream. The caller closes the connection afterwards. */
    public Future<Void> close() {
        if (!isClosed()) {
            goAway();
            shutdown(new YamuxException("yamux session closed"));
            closed.tryComplete();
        }
        return closed.future();
    }

    /** The connection is gone: ends every stream without sending anything. */
    public void transportClosed() {
        if (!isClosed()) {
            shutdown(new YamuxException("yamux connection closed"));
            closed.tryComplete();
        }
    }

    /** Completes when the session ends: succeeds on a normal close, fails with the reason otherwise. */
    public Future<Void> closeFuture() {
        return closed.future();
    }

    public boolean isClosed() {
        return closed.future().isComplete();
    }

    public int streamCount() {
        return streams.size();
    }

    void send(YamuxFrame frame) {
        if (!isClosed()) {
            outbound.send(frame);
        }
    }

    void forget(YamuxStream stream) {
        if (streams.remove(stream.id(), stream)) {
            if (stream.isOutbound()) {
                outboundCount--;
            } else {
                inboundCount--;
            }
        }
    }

    private long maxDataLength(int streamId) {
        YamuxStream stream = streams.get(streamId);
        // for a stream we no longer know (or not yet), the peer can hold at most one full window of credit
        return stream != null ? stream.receiveWindow() : config.initialWindow();
    }

    private void onFrame(YamuxFrame frame) {
        if (isClosed()) {
            return;
        }
        switch (frame.type()) {
            case PING -> pings.onPing(frame);
            case GO_AWAY -> onGoAway(frame.length());
            case DATA, WINDOW_UPDATE -> onStreamFrame(frame);
        }
    }

    private void onStreamFrame(YamuxFrame frame) {
        YamuxStream stream = streams.get(frame.streamId());
        if (frame.has(YamuxFrame.SYN)) {
            if (stream != null) {
                throw new YamuxProtocolException("duplicate SYN for stream " + Integer.toUnsignedString(frame.streamId()));
            }
            stream = accept(frame.streamId());
            if (stream == null) {
                return;
            }
        }
        if (stream == null) {
            // a stream we reset or finished; its late frames are expected and harmless (go and js drop them too)
            LOG.debug("yamux: dropping {} for unknown stream", frame);
            return;
        }
        stream.onFrame(frame);
    }

    private YamuxStream accept(int id) {
        boolean peerIsClient = (id & 1) == 1;
        if (peerIsClient == (role == Role.CLIENT)) {
            throw new YamuxProtocolException("SYN with our own stream id parity (" + Integer.toUnsignedString(id)
                    + "): both endpoints are " + role);
        }
        if (goAwaySent || inboundCount >= config.maxStreams()) {
            LOG.info("yamux: refusing stream {} with RST ({})", Integer.toUnsignedString(id),
                    goAwaySent ? "after our GoAway" : "inbound stream limit " + config.maxStreams());
            send(YamuxFrame.windowUpdate(id, YamuxFrame.RST, 0));
            return null;
        }
        YamuxStream stream = new YamuxStream(this, id, false, config);
        streams.put(id, stream);
        inboundCount++;
        // ACK at once: go limits un-ACKed streams to 256 and stalls its opener beyond that
        send(YamuxFrame.windowUpdate(id, YamuxFrame.ACK, config.initialWindow() - YamuxConfig.BASE_WINDOW));
        inboundStreams.accept(stream);
        return stream;
    }

    private void onGoAway(long code) {
        goAwayReceived = true;
        if (code == YamuxFrame.GO_AWAY_NORMAL) {
            LOG.debug("yamux: peer is going away; no new streams");
            return;
        }
        LOG.warn("yamux: peer sent GoAway with error code {}", code);
        shutdown(new YamuxException("yamux peer went away with error code " + code));
        closed.tryFail(new YamuxException("yamux peer went away with error code " + code));
    }

    private void fail(YamuxProtocolException e) {
        LOG.warn("yamux: closing session after protocol error: {}", e.getMessage());
        sendGoAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
        shutdown(e);
        closed.tryFail(e);
    }

    private void sendGoAway(long code) {
        if (!goAwaySent && !isClosed()) {
            goAwaySent = true;
            send(YamuxFrame.goAway(code));
        }
    }

    private void shutdown(Throwable cause) {
        for (YamuxStream stream : new ArrayList<>(streams.values())) {
            stream.terminate(cause, true);
        }
        pings.failAll(cause);
    }
}
