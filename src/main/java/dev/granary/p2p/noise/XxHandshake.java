package dev.granary.p2p.noise;

import java.util.Arrays;

/**
 * The bare Noise XX pattern (Noise revision 34) with opaque payloads: token order, key mixing and message-length
 * checks, nothing libp2p-specific. Kept separate so it can be checked against generic Noise test vectors, which
 * use prologues and raw payloads that libp2p never does.
 */
final class XxHandshake {
    enum Step { WRITE_A, READ_A, WRITE_B, READ_B, WRITE_C, READ_C, DONE, FAILED }

    static final int MAX_MESSAGE_LENGTH = 65535;
    private static final int KEY = X25519.KEY_LENGTH;
    private static final int SEALED_KEY = KEY + ChaChaPoly.TAG_LENGTH;

    private final HandshakeState.Role role;
    private final X25519.KeyPair25519 staticKey;
    private final X25519.KeyPair25519 ephemeralKey;
    private final SymmetricState symmetric = new SymmetricState();
    private Step step;
    private byte[] remoteEphemeral;
    private byte[] remoteStatic;

    XxHandshake(HandshakeState.Role role, byte[] prologue, X25519.KeyPair25519 staticKey, X25519.KeyPair25519 ephemeralKey) {
        this.role = role;
        this.staticKey = staticKey;
        this.ephemeralKey = ephemeralKey;
        this.step = role == HandshakeState.Role.INITIATOR ? Step.WRITE_A : Step.READ_A;
        symmetric.mixHash(prologue);
    }

    Step step() {
        return step;
    }

    /** -> e. Message 1 has no key yet, so its payload travels in clear; libp2p keeps it empty. */
    byte[] writeMessageA(byte[] payload) throws NoiseHandshakeException {
        enter(Step.WRITE_A);
        try {
            symmetric.mixHash(ephemeralKey.publicKey());
            return finish(Step.READ_B, concat(ephemeralKey.publicKey(), symmetric.encryptAndHash(payload)));
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    byte[] readMessageA(byte[] message) throws NoiseHandshakeException {
        enter(Step.READ_A);
        try {
            checkLength(message, KEY);
            remoteEphemeral = Arrays.copyOfRange(message, 0, KEY);
            symmetric.mixHash(remoteEphemeral);
            byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, KEY, message.length));
            step = Step.WRITE_B;
            return payload;
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** <- e, ee, s, es + payload. */
    byte[] writeMessageB(byte[] payload) throws NoiseHandshakeException {
        enter(Step.WRITE_B);
        try {
            symmetric.mixHash(ephemeralKey.publicKey());
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteEphemeral));
            byte[] sealedStatic = symmetric.encryptAndHash(staticKey.publicKey());
            symmetric.mixKey(X25519.dh(staticKey.privateKey(), remoteEphemeral));
            byte[] sealedPayload = symmetric.encryptAndHash(payload);
            return finish(Step.READ_C, concat(ephemeralKey.publicKey(), concat(sealedStatic, sealedPayload)));
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    byte[] readMessageB(byte[] message) throws NoiseHandshakeException {
        enter(Step.READ_B);
        try {
            checkLength(message, KEY + SEALED_KEY + ChaChaPoly.TAG_LENGTH);
            remoteEphemeral = Arrays.copyOfRange(message, 0, KEY);
            symmetric.mixHash(remoteEphemeral);
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteEphemeral));
            remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, KEY, KEY + SEALED_KEY));
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteStatic));
            byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, KEY + SEALED_KEY, message.length));
            step = Step.WRITE_C;
            return payload;
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** -> s, se + payload. */
    byte[] writeMessageC(byte[] payload) throws NoiseHandshakeException {
        enter(Step.WRITE_C);
        try {
            byte[] sealedStatic = symmetric.encryptAndHash(staticKey.publicKey());
            symmetric.mixKey(X25519.dh(staticKey.privateKey(), remoteEphemeral));
            return finish(Step.DONE, concat(sealedStatic, symmetric.encryptAndHash(payload)));
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    byte[] readMessageC(byte[] message) throws NoiseHandshakeException {
        enter(Step.READ_C);
        try {
            checkLength(message, SEALED_KEY + ChaChaPoly.TAG_LENGTH);
            remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, 0, SEALED_KEY));
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteStatic));
            byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, SEALED_KEY, message.length));
            step = Step.DONE;
            return payload;
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    byte[] remoteStatic() {
        return remoteStatic.clone();
    }

    byte[] handshakeHash() {
        return symmetric.handshakeHash();
    }

    /** @return {send, receive} for this side's role */
    CipherState[] transportCiphers() {
        if (step != Step.DONE) {
            throw new IllegalStateException("handshake not complete (next step " + step + ")");
        }
        CipherState[] pair = symmetric.split();
        return role == HandshakeState.Role.INITIATOR ? pair : new CipherState[]{pair[1], pair[0]};
    }

    /** Lets the libp2p layer poison the handshake when a payload decrypts fine but does not authenticate. */
    NoiseHandshakeException fail(Exception cause) {
        step = Step.FAILED;
        if (cause instanceof NoiseHandshakeException noise) {
            return noise;
        }
        // An identity or verifier implementation threw unchecked: still a failed handshake, not a crashed event loop.
        return new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "handshake step failed", cause);
    }

    private void enter(Step expected) {
        if (step != expected) {
            throw new IllegalStateException(role + " cannot " + expected + " now; expected step " + step);
        }
    }

    private byte[] finish(Step next, byte[] message) throws NoiseHandshakeException {
        if (message.length > MAX_MESSAGE_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.OVERSIZED_FRAME,
                    "handshake message of " + message.length + " bytes does not fit a frame");
        }
        step = next;
        return message;
    }

    private static void checkLength(byte[] message, int minimum) throws NoiseHandshakeException {
        if (message.length > MAX_MESSAGE_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.OVERSIZED_FRAME,
                    "handshake message of " + message.length + " bytes");
        }
        if (message.length < minimum) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED,
                    "handshake message of " + message.length + " bytes, need at least " + minimum);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
