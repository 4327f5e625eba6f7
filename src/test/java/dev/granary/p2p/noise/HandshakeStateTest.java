package dev.granary.p2p.noise;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.BAD_KEY;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.BAD_SIGNATURE;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.DECRYPT_FAILED;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.OVERSIZED_FRAME;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeStateTest {
    private final Ed25519NoiseIdentity alice = Ed25519NoiseIdentity.generate();
    private final Ed25519NoiseIdentity bob = Ed25519NoiseIdentity.generate();
    private final Ed25519KeyVerifier verifier = new Ed25519KeyVerifier();

    @Test
    void fullHandshakeAuthenticatesBothSidesAndAgreesOnKeys() throws Exception {
        HandshakeState initiator = HandshakeState.initiator(alice, verifier, Handshakes.YAMUX);
        HandshakeState responder = HandshakeState.responder(bob, verifier, Handshakes.YAMUX);
        byte[] a = initiator.writeMessageA();
        responder.readMessageA(a);
        byte[] b = responder.writeMessageB();
        initiator.readMessageB(b);
        assertFalse(initiator.isComplete());
        byte[] c = initiator.writeMessageC();
        assertTrue(initiator.isComplete());
        responder.readMessageC(c);
        assertTrue(responder.isComplete());

        // Sizes observed against js-libp2p with Ed25519 identities and the yamux extension.
        assertEquals(32, a.length);
        assertEquals(216, b.length);
        assertEquals(184, c.length);

        NoiseSession atInitiator = initiator.session();
        NoiseSession atResponder = responder.session();
        assertArrayEquals(bob.publicKeyProtobuf(), atInitiator.remoteIdentityKey());
        assertArrayEquals(alice.publicKeyProtobuf(), atResponder.remoteIdentityKey());
        assertArrayEquals(atInitiator.handshakeHash(), atResponder.handshakeHash());
        assertEquals(List.of("/yamux/1.0.0"), atInitiator.remoteExtensions().streamMuxers());
        assertEquals(List.of("/yamux/1.0.0"), atResponder.remoteExtensions().streamMuxers());
        assertTrue(atInitiator.bothOffer(Handshakes.YAMUX, "/yamux/1.0.0"));
        assertTrue(atResponder.bothOffer(Handshakes.YAMUX, "/yamux/1.0.0"));

        NoiseTransport dialer = atInitiator.transport();
        NoiseTransport listener = atResponder.transport();
        assertEquals("ping", roundTrip(dialer, listener, "ping"));
        assertEquals("pong", roundTrip(listener, dialer, "pong"));
        assertEquals("again", roundTrip(dialer, listener, "again"));
    }

    @Test
    void withoutExtensionsMessageThreeIs168BytesAndMuxerFallsBackToMss() throws Exception {
        Handshakes.Pair pair = Handshakes.run(NoiseExtensions.NONE, Handshakes.YAMUX);
        assertEquals(168, pair.c().length);
        assertEquals(NoiseExtensions.NONE.streamMuxers(), pair.responder().session().remoteExtensions().streamMuxers());
        assertFalse(pair.responder().session().bothOffer(Handshakes.YAMUX, "/yamux/1.0.0"));
        assertFalse(pair.initiator().session().bothOffer(NoiseExtensions.NONE, "/yamux/1.0.0"));
    }

    @Test
    void everyTamperedByteOfMessageBIsRejected() throws Exception {
        HandshakeState responder = HandshakeState.responder(bob, verifier, Handshakes.YAMUX);
        X25519.KeyPair25519 initiatorEphemeral = X25519.generate();
        HandshakeState probe = new HandshakeState(HandshakeState.Role.INITIATOR, alice, verifier, NoiseExtensions.NONE,
                X25519.generate(), initiatorEphemeral);
        responder.readMessageA(probe.writeMessageA());
        byte[] b = responder.writeMessageB();
        // Replaying message B into fresh initiators needs the same ephemeral, so rebuild one per flipped byte.
        for (int i = 0; i < b.length; i++) {
            HandshakeState initiator = new HandshakeState(HandshakeState.Role.INITIATOR, alice, verifier, NoiseExtensions.NONE,
                    X25519.generate(), initiatorEphemeral);
            byte[] tampered = b.clone();
            tampered[i] ^= 0x01;
            NoiseHandshakeException e = assertThrows(NoiseHandshakeException.class, () -> {
                initiator.writeMessageA();
                initiator.readMessageB(tampered);
            });
            // Flipping the ephemeral can also land on a small-order point, which the JDK refuses outright.
            assertTrue(e.reason() == DECRYPT_FAILED || e.reason() == BAD_KEY, "byte " + i + ": " + e.reason());
        }
    }

    @Test
    void everyTamperedByteOfMessageCIsRejected() throws Exception {
        X25519.KeyPair25519 responderEphemeral = X25519.generate();
        X25519.KeyPair25519 responderStatic = X25519.generate();
        HandshakeState initiator = HandshakeState.initiator(alice, verifier, Handshakes.YAMUX);
        byte[] a = initiator.writeMessageA();
        HandshakeState first = new HandshakeState(HandshakeState.Role.RESPONDER, bob, verifier, NoiseExtensions.NONE,
                responderStatic, responderEphemeral);
        first.readMessageA(a);
        initiator.readMessageB(first.writeMessageB());
        byte[] c = initiator.writeMessageC();
        for (int i = 0; i < c.length; i++) {
            HandshakeState responder = new HandshakeState(HandshakeState.Role.RESPONDER, bob, verifier, NoiseExtensions.NONE,
                    responderStatic, responderEphemeral);
            responder.readMessageA(a);
            responder.writeMessageB();
            byte[] tampered = c.clone();
            tampered[i] ^= (byte) 0x80;
            NoiseHandshakeException e = assertThrows(NoiseHandshakeException.class, () -> responder.readMessageC(tampered));
            assertEquals(DECRYPT_FAILED, e.reason(), "byte " + i);
        }
    }

    @Test
    void identitySigningTheWrongStaticKeyIsRejected() throws Exception {
        NoiseIdentity liar = new NoiseIdentity() {
            @Override
            public byte[] publicKeyProtobuf() {
                return bob.publicKeyProtobuf();
            }

            @Override
            public byte[] sign(byte[] data) {
                return bob.sign(("noise-libp2p-static-key:" + "x".repeat(32)).getBytes(StandardCharsets.UTF_8));
            }
        };
        HandshakeState initiator = HandshakeState.initiator(alice, verifier, NoiseExtensions.NONE);
        HandshakeState responder = HandshakeState.responder(liar, verifier, NoiseExtensions.NONE);
        responder.readMessageA(initiator.writeMessageA());
        byte[] b = responder.writeMessageB();
        assertEquals(BAD_SIGNATURE, assertThrows(NoiseHandshakeException.class, () -> initiator.readMessageB(b)).reason());
        assertThrows(IllegalStateException.class, initiator::writeMessageC, "a failed handshake stays failed");
    }

    @Test
    void identityKeyOfAnotherPeerIsRejected() throws Exception {
        NoiseIdentity impostor = new NoiseIdentity() {
            @Override
            public byte[] publicKeyProtobuf() {
                return bob.publicKeyProtobuf();
            }

            @Override
            public byte[] sign(byte[] data) {
                return alice.sign(data);
            }
        };
        HandshakeState initiator = HandshakeState.initiator(impostor, verifier, NoiseExtensions.NONE);
        HandshakeState responder = HandshakeState.responder(alice, verifier, NoiseExtensions.NONE);
        responder.readMessageA(initiator.writeMessageA());
        initiator.readMessageB(responder.writeMessageB());
        byte[] c = initiator.writeMessageC();
        assertEquals(BAD_SIGNATURE, assertThrows(NoiseHandshakeException.class, () -> responder.readMessageC(c)).reason());
    }

    @Test
    void nonEd25519IdentityIsRefusedByTheEd25519Verifier() {
        byte[] secp = new byte[]{0x08, 0x02, 0x12, 0x21};
        NoiseHandshakeException e = assertThrows(NoiseHandshakeException.class,
                () -> verifier.verify(secp, new byte[1], new byte[64]));
        assertEquals(BAD_KEY, e.reason());
    }

    @Test
    void truncatedAndOversizedMessagesAreRejected() throws Exception {
        HandshakeState responder = HandshakeState.responder(bob, verifier, NoiseExtensions.NONE);
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class, () -> responder.readMessageA(new byte[31])).reason());

        HandshakeState initiator = HandshakeState.initiator(alice, verifier, NoiseExtensions.NONE);
        HandshakeState other = HandshakeState.responder(bob, verifier, NoiseExtensions.NONE);
        other.readMessageA(initiator.writeMessageA());
        byte[] b = other.writeMessageB();
        byte[] shortB = java.util.Arrays.copyOf(b, 32 + 48 + 15);
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class, () -> initiator.readMessageB(shortB)).reason());

        HandshakeState fresh = HandshakeState.initiator(alice, verifier, NoiseExtensions.NONE);
        fresh.writeMessageA();
        assertEquals(OVERSIZED_FRAME, assertThrows(NoiseHandshakeException.class,
                () -> fresh.readMessageB(new byte[65536])).reason());
    }

    @Test
    void oversizedOwnPayloadCannotBeSent() throws Exception {
        List<String> muxers = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            muxers.add("/m/" + "x".repeat(1000) + i);
        }
        HandshakeState initiator = HandshakeState.initiator(alice, verifier, NoiseExtensions.NONE);
        HandshakeState responder = HandshakeState.responder(bob, verifier, NoiseExtensions.ofStreamMuxers(muxers));
        responder.readMessageA(initiator.writeMessageA());
        assertEquals(OVERSIZED_FRAME, assertThrows(NoiseHandshakeException.class, responder::writeMessageB).reason());
    }

    @Test
    void smallOrderEphemeralIsRefused() {
        HandshakeState responder = HandshakeState.responder(bob, verifier, NoiseExtensions.NONE);
        assertThrows(NoiseHandshakeException.class, () -> {
            responder.readMessageA(new byte[32]);
            responder.writeMessageB();
        });
    }

    @Test
    void stepsMustRunInOrder() throws Exception {
        HandshakeState initiator = HandshakeState.initiator(alice, verifier, NoiseExtensions.NONE);
        assertThrows(IllegalStateException.class, () -> initiator.readMessageA(new byte[32]));
        assertThrows(IllegalStateException.class, initiator::writeMessageC);
        assertThrows(IllegalStateException.class, initiator::session);
        initiator.writeMessageA();
        assertThrows(IllegalStateException.class, initiator::writeMessageA);
        HandshakeState responder = HandshakeState.responder(bob, verifier, NoiseExtensions.NONE);
        assertThrows(IllegalStateException.class, responder::writeMessageA);
        assertThrows(IllegalStateException.class, responder::writeMessageB);
    }

    /** A payload in message 1 could never complete the handshake (the transcripts differ); refuse it at once. */
    @Test
    void payloadInMessageOneIsRefused() throws Exception {
        HandshakeState initiator = HandshakeState.initiator(alice, verifier, NoiseExtensions.NONE);
        byte[] a = initiator.writeMessageA();
        byte[] withJunk = java.util.Arrays.copyOf(a, a.length + 3);
        HandshakeState responder = HandshakeState.responder(bob, verifier, NoiseExtensions.NONE);
        NoiseHandshakeException refused = assertThrows(NoiseHandshakeException.class,
                () -> responder.readMessageA(withJunk));
        assertEquals(NoiseHandshakeException.Reason.OVERSIZED_FRAME, refused.reason());
        HandshakeState fresh = HandshakeState.responder(bob, verifier, NoiseExtensions.NONE);
        fresh.readMessageA(a);
        initiator.readMessageB(fresh.writeMessageB());
    }

    private static String roundTrip(NoiseTransport from, NoiseTransport to, String text) throws NoiseHandshakeException {
        StringBuilder received = new StringBuilder();
        to.receive(from.encrypt(Buffer.buffer(text)), plain -> received.append(plain.toString(StandardCharsets.UTF_8)));
        return received.toString();
    }
}
