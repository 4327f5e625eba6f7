package dev.granary.p2p.noise;

import java.util.List;

/** Runs both sides of an XX handshake in memory for tests. */
final class Handshakes {
    static final NoiseExtensions YAMUX = NoiseExtensions.ofStreamMuxers(List.of("/yamux/1.0.0"));

    record Pair(HandshakeState initiator, HandshakeState responder, byte[] a, byte[] b, byte[] c) {
    }

    private Handshakes() {
    }

    static Pair run(NoiseExtensions initiatorExtensions, NoiseExtensions responderExtensions) throws NoiseHandshakeException {
        HandshakeState initiator = HandshakeState.initiator(Ed25519NoiseIdentity.generate(), new Ed25519KeyVerifier(), initiatorExtensions);
        HandshakeState responder = HandshakeState.responder(Ed25519NoiseIdentity.generate(), new Ed25519KeyVerifier(), responderExtensions);
        byte[] a = initiator.writeMessageA();
        responder.readMessageA(a);
        byte[] b = responder.writeMessageB();
        initiator.readMessageB(b);
        byte[] c = initiator.writeMessageC();
        responder.readMessageC(c);
        return new Pair(initiator, responder, a, b, c);
    }
}
