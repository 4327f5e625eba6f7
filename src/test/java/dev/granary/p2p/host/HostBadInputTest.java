package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.mss.Multistream;
import dev.granary.p2p.multiaddr.Multiaddr;
import dev.granary.p2p.noise.HandshakeState;
import dev.granary.p2p.noise.NoiseFrameDecoder;
import dev.granary.p2p.yamux.YamuxFrame;
import dev.granary.p2p.yamux.YamuxFrameType;
import dev.granary.p2p.yamux.YamuxHeaderCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.granary.p2p.host.HostTesting.ECHO;
import static dev.granary.p2p.host.HostTesting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile inputs of issue 5, each sent by a {@link RogueDialer} over a real socket to a running host: each
 * closes only that connection (or stream), is counted with its reason, and afterwards the host still serves its
 * existing connection and a fresh one.
 */
class HostBadInputTest {
    private static final int STREAM_LIMIT = 8;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Libp2pHost> hosts = new ArrayList<>();
    private Vertx vertx;
    private Libp2pHost target;
    private Libp2pHost friend;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        target = start(Libp2pHost.create(vertx, Ed25519Identity.generate(),
                new HostConfig(List.of("/ip4/127.0.0.1/tcp/0"), HostConfig.DEFAULT_AGENT, 64, STREAM_LIMIT,
                        java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(5)), registry));
        friend = start(Libp2pHost.create(vertx, Ed25519Identity.generate(), HostConfig.loopback()));
        assertTrue(await(friend.ping(address())) > 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Libp2pHost host : hosts) {
            await(host.close(), 10);
        }
        await(vertx.close(), 10);
    }

    private Libp2pHost start(Libp2pHost host) throws Exception {
        host.handle(ECHO, HostTesting::serveEcho);
        hosts.add(host);
        await(host.start());
        return host;
    }

    private Multiaddr address() {
        return target.listenAddresses().get(0);
    }

    /** The node survived: the connection made before still works and a newcomer is served. */
    private void assertStillServing() throws Exception {
        assertTrue(await(friend.ping(address())) > 0, "the existing connection still works");
        Libp2pHost newcomer = start(Libp2pHost.create(vertx, Ed25519Identity.generate(), HostConfig.loopback()));
        assertTrue(await(newcomer.ping(address())) > 0, "a fresh connection is served");
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        Buffer back = await(newcomer.newStream(address(), ECHO).compose(stream -> {
            var result = io.vertx.core.Promise.<Buffer>promise();
            stream.context().runOnContext(ignored -> HostTesting.echo(stream, data).onComplete(result));
            return result.future();
        }));
        assertEquals(Buffer.buffer(data), back);
    }

    private double failures(String reason) {
        var counter = registry.find(HostMetrics.HANDSHAKE_FAILURES).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void garbageAfterMultistreamClosesTheConnection() throws Exception {
        try (RogueDialer rogue = new RogueDialer(address()).selectNoise()) {
            rogue.send(new byte[] {0, 3, 'b', 'a', 'd'}); // a 3-byte "message A" where 32 bytes are due
            rogue.readUntilClosed();
        }
        assertEquals(1.0, failures("bad-input"));
        assertStillServing();
    }

    @Test
    void oversizedHandshakeFrameClosesTheConnection() throws Exception {
        try (RogueDialer rogue = new RogueDialer(address()).selectNoise()) {
            byte[] huge = new byte[NoiseFrameDecoder.MAX_FRAME_LENGTH];
            new Random(2).nextBytes(huge);
            rogue.send(NoiseFrameDecoder.frame(huge).getBytes());
            rogue.readUntilClosed();
        }
        assertEquals(1.0, failures("bad-input"));
        assertStillServing();
    }

    @Test
    void badHandshakeSignatureClosesTheConnection() throws Exception {
        try (RogueDialer rogue = new RogueDialer(address()).selectNoise()) {
            HandshakeState handshake = rogue.startHandshake(RogueDialer.badSigner());
            rogue.send(NoiseFrameDecoder.frame(handshake.writeMessageC()).getBytes());
            rogue.readUntilClosed();
        }
        assertEquals(1.0, failures("bad-input"));
        assertStillServing();
    }

    @Test
    void undersizedTransportFrameClosesTheConnection() throws Exception {
        try (RogueDialer rogue = new RogueDialer(address()).secureAndMux()) {
            rogue.send(new byte[] {0, 4, 1, 2, 3, 4}); // shorter than the 16-byte tag
            rogue.readUntilClosed();
        }
        assertStillServing();
    }

    @Test
    void yamuxDataOnStreamZeroEndsTheSessionWithProtocolError() throws Exception {
        try (RogueDialer rogue = new RogueDialer(address()).secureAndMux()) {
            rogue.sendFrame(YamuxFrame.data(0, 0, Buffer.buffer("hello")));
            assertGoAwayProtocolError(rogue.readUntilClosed());
        }
        assertStillServing();
    }

    @Test
    void windowOverrunEndsTheSessionWithProtocolError() throws Exception {
        try (RogueDialer rogue = new RogueDialer(address()).secureAndMux()) {
            rogue.sendFrame(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
            // the host granted 256 KiB on stream 1; one frame of more is an overrun. The host refuses it on the header
            // alone and closes, so only the header is sent: writing the whole body raced that close (broken pipe).
            Buffer overrun = YamuxHeaderCodec.encode(YamuxFrame.data(1, 0, Buffer.buffer(new byte[256 * 1024 + 1])));
            rogue.sendEncrypted(overrun.getBuffer(0, YamuxHeaderCodec.HEADER_LENGTH));
            assertGoAwayProtocolError(rogue.readUntilClosed());
        }
        assertStillServing();
    }

    @Test
    void synFloodBeyondTheStreamLimitIsRefusedPerStream() throws Exception {
        int opened = STREAM_LIMIT + 12;
        try (RogueDialer rogue = new RogueDialer(address()).secureAndMux()) {
            for (int i = 0; i < opened; i++) {
                rogue.sendFrame(YamuxFrame.windowUpdate(2 * i + 1, YamuxFrame.SYN, 0));
            }
            rogue.sendFrame(YamuxFrame.ping(YamuxFrame.SYN, 77));
            List<YamuxFrame> answers = readFramesUntilPingAck(rogue, 77);
            long refused = answers.stream().filter(f -> f.has(YamuxFrame.RST)).count();
            long accepted = answers.stream().filter(f -> f.has(YamuxFrame.ACK) && f.type() != YamuxFrameType.PING).count();
            assertEquals(opened - STREAM_LIMIT, refused, answers::toString);
            assertEquals(STREAM_LIMIT, accepted, answers::toString);
        }
        assertStillServing();
    }

    /** The connection answered a ping after the flood, so it stayed up; frames before the ACK are returned. */
    private static List<YamuxFrame> readFramesUntilPingAck(RogueDialer rogue, long opaque) throws Exception {
        List<YamuxFrame> frames = new ArrayList<>();
        while (true) {
            YamuxFrame frame = readFrame(rogue);
            if (frame.type() == YamuxFrameType.PING && frame.has(YamuxFrame.ACK) && frame.length() == opaque) {
                return frames;
            }
            frames.add(frame);
        }
    }

    private static YamuxFrame readFrame(RogueDialer rogue) throws Exception {
        Buffer header = rogue.readDecrypted(YamuxHeaderCodec.HEADER_LENGTH);
        YamuxFrameType type = YamuxFrameType.values()[header.getByte(1)];
        int flags = header.getUnsignedShort(2);
        int stream = header.getInt(4);
        long length = header.getUnsignedInt(8);
        Buffer body = type == YamuxFrameType.DATA ? rogue.readDecrypted((int) length) : Buffer.buffer();
        return new YamuxFrame(type, flags, stream, length, body);
    }

    private static void assertGoAwayProtocolError(Buffer sent) {
        assertTrue(sent.length() >= YamuxHeaderCodec.HEADER_LENGTH, "host sent nothing before closing");
        Buffer last = sent.getBuffer(sent.length() - YamuxHeaderCodec.HEADER_LENGTH, sent.length());
        assertEquals(YamuxFrameType.GO_AWAY.code(), last.getByte(1), "last frame is GoAway: " + last);
        assertEquals(YamuxFrame.GO_AWAY_PROTOCOL_ERROR, last.getUnsignedInt(8));
    }
}
