package dev.granary.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The libp2p Noise XX handshake driven as explicit steps, with no I/O: each step takes or returns one message body
 * (without the 2-byte length prefix). The initiator calls {@link #writeMessageA}, {@link #readMessageB},
 * {@link #writeMessageC}; the responder {@link #readMessageA}, {@link #writeMessageB}, {@link #readMessageC}.
 * Messages 2 and 3 carry the signed {@link NoisePayload}. Any failure poisons the state (later steps throw
 * {@link IllegalStateException}), because a half-run handshake can never be resumed safely.
 */
public final class HandshakeState {
    public enum Role { INITIATOR, RESPONDER }

    public static final int MAX_MESSAGE_LENGTH = XxHandshake.MAX_MESSAGE_LENGTH;
    static final int MESSAGE_A_LENGTH = X25519.KEY_LENGTH;
    static final byte[] SIGNATURE_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.UTF_8);
    /** libp2p over TCP mixes an empty prologue (go and js alike). */
    private static final byte[] PROLOGUE = new byte[0];

    private final Role role;
    private final NoiseIdentity identity;
    private final NoiseKeyVerifier verifier;
    private final NoiseExtensions ownExtensions;
    private final X25519.KeyPair25519 staticKey;
    private final XxHandshake noise;
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
        this.noise = new XxHandshake(role, PROLOGUE, staticKey, ephemeralKey);
    }

    /**
     * A fresh static X25519 key per handshake, as go does: it is authenticated by the identity signature, so keeping
     * it would only add something to protect. Extensions with no entries are not sent at all, which peers read as
     * "negotiate the muxer with mss".
     */
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
        return session != null;
    }

    /** Message 1 is unauthenticated, so go and js never put a payload (or extensions) in it; neither do we. */
    public byte[] writeMessageA() throws NoiseHandshakeException {
        return noise.writeMessageA(new byte[0]);
    }

    /**
     * Message 1 must be just the 32-byte ephemeral key: a payload there is unauthenticated and no libp2p peer sends
     * one, so anything longer is a hostile or broken dialer and ends the handshake before we spend a DH on it.
     */
    public void readMessageA(byte[] message) throws NoiseHandshakeException {
        if (message.length > MESSAGE_A_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.OVERSIZED_FRAME, "handshake message 1 of "
                    + message.length + " bytes; libp2p sends only the " + MESSAGE_A_LENGTH + "-byte ephemeral key");
        }
        noise.readMessageA(message);
    }

    public byte[] writeMessageB() throws NoiseHandshakeException {
        return noise.writeMessageB(ownPayload());
    }

    public void readMessageB(byte[] message) throws NoiseHandshakeException {
        acceptPayload(noise.readMessageB(message));
    }

    public byte[] writeMessageC() throws NoiseHandshakeException {
        byte[] message = noise.writeMessageC(ownPayload());
        complete();
        return message;
    }

    public void readMessageC(byte[] message) throws NoiseHandshakeException {
        acceptPayload(noise.readMessageC(message));
        complete();
    }

    /** The authenticated outcome; only available once the last message has been written or read. */
    public NoiseSession session() {
        if (session == null) {
            throw new IllegalStateException("handshake not complete (next step " + noise.step() + ")");
        }
        return session;
    }

    private byte[] ownPayload() throws NoiseHandshakeException {
        try {
            return signedPayload();
        } catch (RuntimeException e) {
            throw noise.fail(e);
        }
    }

    private byte[] signedPayload() {
        byte[] signature = identity.sign(XxHandshake.concat(SIGNATURE_PREFIX, staticKey.publicKey()));
        Optional<NoiseExtensions> extensions = ownExtensions.webtransportCerthashes().isEmpty()
                && ownExtensions.streamMuxers().isEmpty() ? Optional.empty() : Optional.of(ownExtensions);
        return new NoisePayload(identity.publicKeyProtobuf(), signature, extensions).encode();
    }

    private void acceptPayload(byte[] plaintext) throws NoiseHandshakeException {
        try {
            remotePayload = NoisePayload.decode(plaintext);
            remoteIdentityKey = verifier.verify(remotePayload.identityKey(),
                    XxHandshake.concat(SIGNATURE_PREFIX, noise.remoteStatic()), remotePayload.identitySig());
        } catch (NoiseHandshakeException | RuntimeException e) {
            throw noise.fail(e);
        }
    }

    private void complete() {
        CipherState[] ciphers = noise.transportCiphers();
        session = new NoiseSession(remoteIdentityKey, remotePayload.extensions().orElse(NoiseExtensions.NONE),
                noise.remoteStatic(), noise.handshakeHash(), ciphers[0], ciphers[1]);
    }
}
