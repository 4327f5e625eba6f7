package dev.granary.p2p.noise;

import io.vertx.core.buffer.Buffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Noise reads bytes from strangers: its decoders may refuse input only with {@link NoiseHandshakeException}, and
 * valid traffic must survive any TCP chunking.
 */
class NoiseProperties {
    private static final int TRIES = 10_000;
    private static final NoiseSession[] SESSIONS = sessions();

    @Provide
    Arbitrary<List<byte[]>> frameBodies() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> large = Arbitraries.integers().between(300, 65535).map(byte[]::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, small), net.jqwik.api.Tuple.of(1, large))
                .list().ofMaxSize(6);
    }

    @Property(tries = TRIES)
    void frameDecoderReassemblesAnyChunking(@ForAll("frameBodies") List<byte[]> bodies, @ForAll long seed)
            throws NoiseHandshakeException {
        Buffer wire = Buffer.buffer();
        for (byte[] body : bodies) {
            wire.appendBuffer(NoiseFrameDecoder.frame(body));
        }
        NoiseFrameDecoder decoder = new NoiseFrameDecoder(0, 65535);
        List<Buffer> frames = new ArrayList<>();
        for (Buffer chunk : randomChunks(wire, new Random(seed))) {
            decoder.feed(chunk, frames::add);
        }
        decoder.endOfStream();
        assertEquals(bodies.size(), frames.size());
        for (int i = 0; i < bodies.size(); i++) {
            assertArrayEquals(bodies.get(i), frames.get(i).getBytes());
        }
    }

    @Property(tries = TRIES)
    void frameDecoderSurvivesRandomBytes(@ForAll @Size(max = 600) byte[] bytes, @ForAll long seed,
                                         @ForAll @IntRange(max = 512) int maxFrame) {
        NoiseFrameDecoder decoder = new NoiseFrameDecoder(Math.min(16, maxFrame), maxFrame);
        try {
            for (Buffer chunk : randomChunks(Buffer.buffer(bytes), new Random(seed))) {
                decoder.feed(chunk, frame -> {
                    if (frame.length() > maxFrame) {
                        throw new AssertionError("frame over the limit emitted");
                    }
                });
            }
            decoder.endOfStream();
        } catch (NoiseHandshakeException expected) {
            // refusing is fine; anything else escaping is the bug this property looks for
        }
    }

    @Property(tries = TRIES)
    void payloadDecoderRefusesOnlyWithItsOwnException(@ForAll("payloadBytes") byte[] bytes) {
        try {
            NoisePayload decoded = NoisePayload.decode(bytes);
            NoisePayload.decode(decoded.encode());
        } catch (NoiseHandshakeException expected) {
            // malformed input is allowed to fail, but only like this
        }
    }

    @Provide
    Arbitrary<byte[]> payloadBytes() {
        byte[] valid = new NoisePayload(Ed25519NoiseIdentity.generate().publicKeyProtobuf(), new byte[64],
                java.util.Optional.of(Handshakes.YAMUX)).encode();
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> damaged = Arbitraries.integers().between(0, valid.length - 1).flatMap(at ->
                Arbitraries.bytes().map(b -> {
                    byte[] copy = valid.clone();
                    copy[at] = b;
                    return copy;
                }));
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, valid.length).map(n -> java.util.Arrays.copyOf(valid, n));
        return Arbitraries.oneOf(random, damaged, cut);
    }

    // Each try runs real X25519 key generation and agreement (about 2 ms), so fewer tries keep this to seconds.
    @Property(tries = 1_000)
    void handshakeMessagesFromStrangersFailOnlyWithOurException(@ForAll @Size(max = 300) byte[] message) {
        HandshakeState responder = HandshakeState.responder(IDENTITY, VERIFIER, NoiseExtensions.NONE);
        HandshakeState initiator = HandshakeState.initiator(IDENTITY, VERIFIER, NoiseExtensions.NONE);
        try {
            initiator.writeMessageA();
            initiator.readMessageB(message);
        } catch (NoiseHandshakeException expected) {
            // the message cannot authenticate, so failing is the only correct outcome
        }
        try {
            responder.readMessageA(message);
            responder.writeMessageB();
        } catch (NoiseHandshakeException expected) {
            // a random 32-byte ephemeral may be refused (small order) but never crash
        }
    }

    // Up to 200 KiB of ChaCha20-Poly1305 each way per try: 500 tries already cover every chunking shape in seconds.
    @Property(tries = 500)
    void transportRoundTripsAnySizeAndChunking(@ForAll @IntRange(max = 200 * 1024) int size, @ForAll long seed,
                                               @ForAll boolean fromDialer) throws NoiseHandshakeException {
        Random random = new Random(seed);
        byte[] plaintext = new byte[size];
        random.nextBytes(plaintext);
        NoiseSession sender = fromDialer ? SESSIONS[0] : SESSIONS[1];
        NoiseSession receiver = fromDialer ? SESSIONS[1] : SESSIONS[0];
        // Both sessions are shared across tries, so counters keep advancing in step exactly as on a live connection.
        Buffer wire = new NoiseTransport(sender.sender(), sender.receiver()).encrypt(Buffer.buffer(plaintext));
        NoiseTransport in = new NoiseTransport(receiver.sender(), receiver.receiver());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (Buffer chunk : randomChunks(wire, random)) {
            in.receive(chunk, plain -> received.writeBytes(plain.getBytes()));
        }
        in.endOfStream();
        assertArrayEquals(plaintext, received.toByteArray());
    }

    private static final Ed25519NoiseIdentity IDENTITY = Ed25519NoiseIdentity.generate();
    private static final Ed25519KeyVerifier VERIFIER = new Ed25519KeyVerifier();

    private static NoiseSession[] sessions() {
        try {
            Handshakes.Pair pair = Handshakes.run(Handshakes.YAMUX, Handshakes.YAMUX);
            return new NoiseSession[]{pair.initiator().session(), pair.responder().session()};
        } catch (NoiseHandshakeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cuts a buffer at random points, biased towards tiny chunks where boundary bugs hide. */
    private static List<Buffer> randomChunks(Buffer wire, Random random) {
        List<Buffer> chunks = new ArrayList<>();
        int position = 0;
        while (position < wire.length()) {
            int bound = random.nextInt(4) == 0 ? 3 : 70_000;
            int take = Math.min(wire.length() - position, 1 + random.nextInt(bound));
            chunks.add(wire.getBuffer(position, position + take));
            position += take;
        }
        return chunks;
    }
}
