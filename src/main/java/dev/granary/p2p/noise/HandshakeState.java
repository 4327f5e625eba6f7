package dev.granary.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The libp2p Noise XX handshake driven as explicit steps, with no I/O: each step takes or returns one message body
 * (without the 2-byte length prefix). The initiator calls {@link #writeMessageA}, {@link #readMessageB},
 * {@link #writeMessageC}; the responder {@link #readMessageA}, {@link #writeMessageB}, {@link #readMessageC}. Any
 * failure poisons the state, because a half-run handshake can never be resumed safely.
 */
public final class HandshakeState {
    public enum Role { INITIATOR, RESPONDER }

    private enum Step { WRITE_A, READ_A, WRITE_B, READ_B, WRITE_C, READ_C, DONE, FAILED }

    public static final int MAX_MESSAGE_LENGTH = 65535;
    static final byte[] SIGNATURE_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.UTF_8);
    private static final int KEY = X25519.KEY_LENGTH;
    private static final int SEALED_KEY = KEY + ChaChaPoly.TAG_LENGTH;

    private final Role role;
    private final NoiseIdentity identity;
    private final NoiseKeyVerifier verifier;
    private final NoiseExtensions ownExtensions;
    private final X25519.KeyPair25519 staticKey;
    private final X25519.KeyPair25519 ephemeralKey;
    private final SymmetricState symmetric = new SymmetricState();
    private Step step;
    private byte[] remoteEphemeral;
    private byte[] remoteStatic;
    private NoisePayload remotePayload;
    private byte[] remoteIdentityKey;
    private NoiseSession session;

    HandshakeState(Role role, NoiseIdentity identity, NoiseKeyVerifier verifier, NoiseExtensions ownExtensions,
                   X25519.KeyPair25519 staticKey, X25519.KeyPair25519 ephemeralKey) {
        this.role = role;
        this.identity = identity;
        this.verifier = verifier;
        this.ownExtensions = ownExtensions;
        this.staticKey = staticKey;
        this.ephemeralKey = ephemeralKey;
        this.step = role == Role.INITIATOR ? Step.WRITE_A : Step.READ_A;
        symmetric.mixHash(new byte[0]); // the empty prologue is still mixed in
    }

    /** Extensions with no entries are not sent at all, which peers read as "negotiate the muxer with mss". */
    public static HandshakeState initiator(NoiseIdentity identity, NoiseKeyVerifier verifier, NoiseExtensions extensions) {
        return new HandshakeState(Role.INITIATOR, identity, verifier, extensions, X25519.generate(), X25519.generate());
    }

    public static HandshakeState responder(NoiseIdentity identity, NoiseKeyVerifier verifier, NoiseExtensions extensions) {
        return new HandshakeState(Role.RESPONDER, identity, verifier, extensions, X25519.generate(), X25519.generate());
    }

    public Role role() {
        return role;
    }

    public boolean isComplete() {
        return step == Step.DONE;
    }

    /** -> e, with an empty payload: nothing in message 1 is encrypted or authenticated, so nothing goes there. */
    public byte[] writeMessageA() throws NoiseHandshakeException {
        enter(Step.WRITE_A);
        try {
            symmetric.mixHash(ephemeralKey.publicKey());
            byte[] payload = symmetric.encryptAndHash(new byte[0]);
            return finish(Step.READ_B, concat(ephemeralKey.publicKey(), payload));
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    public void readMessageA(byte[] message) throws NoiseHandshakeException {
        enter(Step.READ_A);
        try {
            checkLength(message, KEY);
            remoteEphemeral = Arrays.copyOfRange(message, 0, KEY);
            symmetric.mixHash(remoteEphemeral);
            symmetric.decryptAndHash(Arrays.copyOfRange(message, KEY, message.length));
            step = Step.WRITE_B;
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** <- e, ee, s, es + payload. */
    public byte[] writeMessageB() throws NoiseHandshakeException {
        enter(Step.WRITE_B);
        try {
            symmetric.mixHash(ephemeralKey.publicKey());
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteEphemeral));
            byte[] sealedStatic = symmetric.encryptAndHash(staticKey.publicKey());
            symmetric.mixKey(X25519.dh(staticKey.privateKey(), remoteEphemeral));
            byte[] sealedPayload = symmetric.encryptAndHash(ownPayload());
            return finish(Step.READ_C, concat(ephemeralKey.publicKey(), concat(sealedStatic, sealedPayload)));
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    public void readMessageB(byte[] message) throws NoiseHandshakeException {
        enter(Step.READ_B);
        try {
            checkLength(message, KEY + SEALED_KEY + ChaChaPoly.TAG_LENGTH);
            remoteEphemeral = Arrays.copyOfRange(message, 0, KEY);
            symmetric.mixHash(remoteEphemeral);
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteEphemeral));
            remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, KEY, KEY + SEALED_KEY));
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteStatic));
            acceptPayload(symmetric.decryptAndHash(Arrays.copyOfRange(message, KEY + SEALED_KEY, message.length)));
            step = Step.WRITE_C;
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** -> s, se + payload. */
    public byte[] writeMessageC() throws NoiseHandshakeException {
        enter(Step.WRITE_C);
        try {
            byte[] sealedStatic = symmetric.encryptAndHash(staticKey.publicKey());
            symmetric.mixKey(X25519.dh(staticKey.privateKey(), remoteEphemeral));
            byte[] message = finish(Step.DONE, concat(sealedStatic, symmetric.encryptAndHash(ownPayload())));
            complete();
            return message;
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    public void readMessageC(byte[] message) throws NoiseHandshakeException {
        enter(Step.READ_C);
        try {
            checkLength(message, SEALED_KEY + ChaChaPoly.TAG_LENGTH);
            remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, 0, SEALED_KEY));
            symmetric.mixKey(X25519.dh(ephemeralKey.privateKey(), remoteStatic));
            acceptPayload(symmetric.decryptAndHash(Arrays.copyOfRange(message, SEALED_KEY, message.length)));
            step = Step.DONE;
            complete();
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** The authenticated outcome; only available once the last message has been written or read. */
    public NoiseSession session() {
        if (step != Step.DONE) {
            throw new IllegalStateException("handshake not complete (next step " + step + ")");
        }
        return session;
    }

    private byte[] ownPayload() {
        byte[] toSign = concat(SIGNATURE_PREFIX, staticKey.publicKey());
        Optional<NoiseExtensions> extensions = ownExtensions.webtransportCerthashes().isEmpty()
                && ownExtensions.streamMuxers().isEmpty() ? Optional.empty() : Optional.of(ownExtensions);
        return new NoisePayload(identity.publicKeyProtobuf(), identity.sign(toSign), extensions).encode();
    }

    private void acceptPayload(byte[] plaintext) throws NoiseHandshakeException {
        remotePayload = NoisePayload.decode(plaintext);
        remoteIdentityKey = verifier.verify(remotePayload.identityKey(), concat(SIGNATURE_PREFIX, remoteStatic),
                remotePayload.identitySig());
    }

    private void complete() {
        CipherState[] pair = symmetric.split();
        boolean initiator = role == Role.INITIATOR;
        session = new NoiseSession(remoteIdentityKey, remotePayload.extensions().orElse(NoiseExtensions.NONE),
                remoteStatic, symmetric.handshakeHash(), initiator ? pair[0] : pair[1], initiator ? pair[1] : pair[0]);
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

    private NoiseHandshakeException fail(Exception cause) {
        step = Step.FAILED;
        if (cause instanceof NoiseHandshakeException noise) {
            return noise;
        }
        // An identity or verifier implementation threw unchecked: still a failed handshake, not a crashed event loop.
        return new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "handshake step failed", cause);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
