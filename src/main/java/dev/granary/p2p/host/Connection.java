package dev.granary.p2p.host;

import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.multiaddr.Multiaddr;
import dev.granary.p2p.mss.DialerNegotiation;
import dev.granary.p2p.mss.ListenerNegotiation;
import dev.granary.p2p.mss.NegotiationStep;
import dev.granary.p2p.noise.HandshakeState;
import dev.granary.p2p.noise.NoiseExtensions;
import dev.granary.p2p.noise.NoiseFrameDecoder;
import dev.granary.p2p.noise.NoiseHandshakeException;
import dev.granary.p2p.noise.NoiseTransport;
import dev.granary.p2p.yamux.YamuxConfig;
import dev.granary.p2p.yamux.YamuxFrame;
import dev.granary.p2p.yamux.YamuxHeaderCodec;
import dev.granary.p2p.yamux.YamuxSession;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * One TCP connection taken from raw bytes to a yamux session, as an explicit state machine. Every method runs on
 * the socket's context, so the Noise counters and the yamux session never see two threads.
 */
final class Connection {
    enum State { NEGOTIATE_SECURITY, HANDSHAKE, NEGOTIATE_MUXER, MUXED, CLOSED }

    static final String NOISE = "/noise";
    static final String YAMUX = "/yamux/1.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Libp2pHost host;
    private final NetSocket socket;
    private final Context context;
    private final boolean initiator;
    private final PeerId expectedPeer;
    private final Promise<Connection> ready;
    // one decoder for handshake and transport frames: a chunk may hold the last handshake message and the first transport frame
    private final NoiseFrameDecoder frames = new NoiseFrameDecoder(0, NoiseFrameDecoder.MAX_FRAME_LENGTH);
    private final byte[] frameHeader = new byte[YamuxHeaderCodec.HEADER_LENGTH];
    // volatile: the host reads it (and, after seeing MUXED, remotePeer) from its own context
    private volatile State state = State.NEGOTIATE_SECURITY;
    private Function<Buffer, NegotiationStep> negotiation;
    private HandshakeState handshake;
    private boolean firstHandshakeMessageRead;
    private NoiseTransport transport;
    private YamuxSession session;
    private PeerId remotePeer;
    private long handshakeTimer;

    /** @param expectedPeer the dialed peer, or null when accepting */
    Connection(Libp2pHost host, NetSocket socket, Context context, boolean initiator, PeerId expectedPeer) {
        this.host = host;
        this.socket = socket;
        this.context = context;
        this.initiator = initiator;
        this.expectedPeer = expectedPeer;
        this.ready = Promise.promise();
    }

    /** Completes once yamux runs; fails with the reason the connection was closed before that. */
    Future<Connection> start() {
        // raw Netty buffers instead of Vert.x's heap copy of every read: the Noise decoder copies each frame out of
        // them once anyway, so the second copy was pure overhead on the bulk path
        ((NetSocketInternal) socket).messageHandler(this::onMessage);
        socket.closeHandler(ignored -> close("closed", "socket closed"));
        socket.exceptionHandler(e -> close("socket-error", "socket error: " + e.getMessage()));
        handshakeTimer = context.owner().setTimer(host.config().handshakeTimeout().toMillis(),
                id -> close("timeout", "connection setup not finished within " + host.config().handshakeTimeout() + " (" + state + ")"));
        if (initiator) {
            DialerNegotiation dialer = new DialerNegotiation(List.of(NOISE));
            negotiation = dialer::onData;
            socket.write(dialer.start());
        } else {
            negotiation = new ListenerNegotiation(List.of(NOISE))::onData;
        }
        return ready.future();
    }

    State state() {
        return state;
    }

    Context context() {
        return context;
    }

    PeerId remotePeer() {
        return remotePeer;
    }

    boolean isOpen() {
        return state == State.MUXED;
    }

    NetSocket socket() {
        return socket;
    }

    boolean isOutbound() {
        return initiator;
    }

    /** The peer's end of the TCP connection as a multiaddr; null if the socket no longer knows it. */
    Multiaddr remoteMultiaddr() {
        var remote = socket.remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return null;
        }
        String host = remote.hostAddress();
        return Multiaddr.parse((host.contains(":") ? "/ip6/" : "/ip4/") + host + "/tcp/" + remote.port());
    }

    YamuxSession session() {
        return session;
    }

    private void onMessage(Object message) {
        if (!(message instanceof ByteBuf read)) {
            ReferenceCountUtil.release(message);
            return;
        }
        try {
            // a view that lives only for this call: nothing below keeps it (the security negotiation gets a copy)
            onBytes(BufferInternal.buffer(read.slice()));
        } finally {
            read.release();
        }
    }

    private void onBytes(Buffer chunk) {
        host.metrics().bytesIn(chunk.length());
        try {
            switch (state) {
                // onto the heap: Buffer.copy() would take a pooled buffer from the socket's allocator that nobody frees
                case NEGOTIATE_SECURITY -> onSecurityBytes(Buffer.buffer(chunk.getBytes()));
                case HANDSHAKE, NEGOTIATE_MUXER, MUXED -> frames.feed(chunk, this::onFrame);
                case CLOSED -> { }
            }
        } catch (NoiseHandshakeException | RuntimeException e) {
            close("bad-input", "bad input in " + state + ": " + e.getMessage());
        }
    }

    private void onSecurityBytes(Buffer chunk) throws NoiseHandshakeException {
        NegotiationStep step = negotiation.apply(chunk);
        write(step.toSend());
        if (step.isFailed()) {
            close("negotiation", "security negotiation failed: " + step.failure());
        } else if (step.isSelected()) {
            state = State.HANDSHAKE;
            handshake = initiator
                    ? HandshakeState.initiator(host.noiseIdentity(), host.keyVerifier(), NoiseExtensions.NONE)
                    : HandshakeState.responder(host.noiseIdentity(), host.keyVerifier(), NoiseExtensions.NONE);
            if (initiator) {
                write(NoiseFrameDecoder.frame(handshake.writeMessageA()));
            }
            if (step.leftover().length() > 0) {
                frames.feed(step.leftover(), this::onFrame);
            }
        }
    }

    private void onFrame(Buffer frame) {
        try {
            switch (state) {
                case HANDSHAKE -> onHandshakeMessage(frame.getBytes());
                // frames are the decoder's own arrays, handed to nobody else: decrypt them where they lie
                case NEGOTIATE_MUXER -> onMuxerBytes(transport.decryptFrameInPlace(frame));
                case MUXED -> session.receive(transport.decryptFrameInPlace(frame));
                default -> { }
            }
        } catch (NoiseHandshakeException | RuntimeException e) {
            close("bad-input", "bad input in " + state + ": " + e.getMessage());
        }
    }

    private void onHandshakeMessage(byte[] message) throws NoiseHandshakeException {
        if (initiator) {
            handshake.readMessageB(message);
            write(NoiseFrameDecoder.frame(handshake.writeMessageC()));
            secured();
        } else if (!firstHandshakeMessageRead) {
            firstHandshakeMessageRead = true;
            handshake.readMessageA(message);
            write(NoiseFrameDecoder.frame(handshake.writeMessageB()));
        } else {
            handshake.readMessageC(message);
            secured();
        }
    }

    private void secured() throws NoiseHandshakeException {
        var noise = handshake.session();
        remotePeer = PeerId.fromPublicKey(noise.remoteIdentityKey());
        if (expectedPeer != null && !expectedPeer.equals(remotePeer)) {
            close("peer-id-mismatch", "peer id mismatch: dialed " + expectedPeer + " but the peer is " + remotePeer);
            return;
        }
        transport = noise.transport();
        state = State.NEGOTIATE_MUXER;
        if (initiator) {
            DialerNegotiation dialer = new DialerNegotiation(List.of(YAMUX));
            negotiation = dialer::onData;
            writePlain(dialer.start());
        } else {
            negotiation = new ListenerNegotiation(List.of(YAMUX))::onData;
        }
    }

    private void onMuxerBytes(Buffer plaintext) throws NoiseHandshakeException {
        NegotiationStep step = negotiation.apply(plaintext);
        writePlain(step.toSend());
        if (step.isFailed()) {
            close("negotiation", "muxer negotiation failed: " + step.failure());
        } else if (step.isSelected()) {
            startMuxer();
            if (step.leftover().length() > 0) {
                session.receive(step.leftover());
            }
        }
    }

    private void startMuxer() {
        state = State.MUXED;
        context.owner().cancelTimer(handshakeTimer);
        YamuxConfig base = YamuxConfig.defaults();
        // a full Data frame (header + body) must fit one Noise frame: go's 64 KiB - 12 body spills 17 bytes into a
        // second Noise frame, i.e. a second cipher run per frame, which cost about a fifth of bulk throughput
        YamuxConfig yamux = new YamuxConfig(host.config().maxStreamsPerConnection(), base.initialWindow(),
                base.maxWindow(), base.writeQueueMaxBytes(), NoiseTransport.MAX_PLAINTEXT - YamuxHeaderCodec.HEADER_LENGTH);
        YamuxSession.Role role = initiator ? YamuxSession.Role.CLIENT : YamuxSession.Role.SERVER;
        session = YamuxSession.withFrameOutbound(role, yamux, this::writeFromMuxer,
                stream -> host.onInboundStream(this, stream))
                .pingAnsweredHandler(() -> host.metrics().pingAnswered("yamux"))
                .runLaterWith(task -> context.runOnContext(ignored -> task.run()));
        host.metrics().connectionOpened(direction());
        session.ping(); // measures the round trip that receive windows tune themselves by, as go-yamux does at start
        session.closeFuture().onComplete(result -> close("closed", "yamux session ended"
                + (result.failed() ? ": " + result.cause().getMessage() : "")));
        ready.tryComplete(this);
    }

    /**
     * Opens a yamux stream, runs multistream-select on it as dialer and hands the stream to {@code use}, all on
     * this connection's context (a caller's own callbacks could otherwise run on its thread). Call from any thread.
     */
    <T> Future<T> withNewStream(List<String> protocols, Function<Libp2pStream, Future<T>> use) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> {
            if (state != State.MUXED) {
                promise.fail(new HostException("connection to " + remotePeer + " is " + state));
                return;
            }
            session.openStream().compose(stream -> {
                DialerNegotiation dialer = new DialerNegotiation(protocols);
                Buffer start = dialer.start();
                return StreamNegotiation.run(stream, this, host.config().handshakeTimeout(), start, dialer::onData);
            }).compose(use).onComplete(promise);
        });
        return promise.future();
    }

    private String direction() {
        return initiator ? "outbound" : "inbound";
    }

    /**
     * Seals each yamux frame as one Noise frame straight from its header fields and body (no joined copy) into a
     * pooled socket buffer that Netty frees once it is written.
     */
    private void writeFromMuxer(YamuxFrame frame) {
        if (state == State.CLOSED) {
            return;
        }
        YamuxHeaderCodec.writeHeader(frame, frameHeader, 0);
        try {
            NetSocketInternal internal = (NetSocketInternal) socket;
            ByteBuf sealed = transport.seal(frameHeader, YamuxHeaderCodec.HEADER_LENGTH, frame.body(),
                    internal.channelHandlerContext().alloc());
            host.metrics().bytesOut(sealed.readableBytes());
            internal.writeMessage(sealed);
        } catch (NoiseHandshakeException e) {
            close("encrypt", "cannot encrypt: " + e.getMessage());
        }
    }

    private void writePlain(Buffer plaintext) throws NoiseHandshakeException {
        if (plaintext.length() > 0 && state != State.CLOSED) {
            Buffer frame = transport.encrypt(plaintext);
            host.metrics().bytesOut(frame.length());
            socket.write(frame);
        }
    }

    private void write(Buffer bytes) {
        if (bytes.length() > 0 && state != State.CLOSED) {
            host.metrics().bytesOut(bytes.length());
            socket.write(bytes);
        }
    }

    /** Closes a connection the host has no room for, counted as a handshake failure of that kind. Any thread. */
    void refuse(String failure) {
        context.runOnContext(ignored -> close(failure, "refused: " + failure));
    }

    /** Says goodbye on yamux (GoAway) before closing the socket. Call from any thread. */
    Future<Void> shutdown() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(ignored -> {
            if (session != null && state == State.MUXED) {
                session.close();
            }
            close(null, "closed by this host");
            done.complete();
        });
        return done.future();
    }

    /**
     * Closes only this connection; the reason is logged, and a pending dial fails with it.
     *
     * @param failure a fixed word counted as a handshake failure when this happens before yamux runs
     *                ({@code timeout}, {@code peer-id-mismatch}, ...); null when we close on purpose
     */
    void close(String failure, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        State was = state;
        state = State.CLOSED;
        context.owner().cancelTimer(handshakeTimer);
        if (was == State.MUXED) {
            host.metrics().connectionClosed(direction());
            LOG.debug("libp2p connection with {} ({}) closed: {}", remotePeer, socket.remoteAddress(), reason);
        } else {
            LOG.info("libp2p connection with {} closed during {}: {}", socket.remoteAddress(), was, reason);
            if (failure != null) {
                host.metrics().handshakeFailed(failure);
            }
        }
        if (session != null) {
            session.transportClosed();
        }
        socket.close();
        // forget the connection before failing the dial, so whoever sees the failure also sees it gone (metrics)
        host.onClosed(this).onComplete(ignored -> ready.tryFail(new HostException(reason)));
    }
}
