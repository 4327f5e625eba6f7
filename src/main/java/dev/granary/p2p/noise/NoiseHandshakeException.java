package dev.granary.p2p.noise;

/**
 * Any reason a Noise session (handshake or transport) must be torn down. Every failure is fatal for the connection,
 * so callers only need the {@link Reason} for logging and metrics, never for recovery.
 */
public final class NoiseHandshakeException extends Exception {
    public enum Reason {
        /** The identity signature over the remote static key does not verify. */
        BAD_SIGNATURE,
        /** A key (identity protobuf or X25519 point) is malformed, unsupported or of small order. */
        BAD_KEY,
        /** The remote identity is valid but not the peer that was dialed (decided by the caller). */
        PEER_MISMATCH,
        /** A frame or message is longer than the configured or protocol limit. */
        OVERSIZED_FRAME,
        /** The stream ended in the middle of a frame, or a handshake message is too short. */
        TRUNCATED,
        /** An AEAD tag did not verify: tampering, a wrong key or a lost message. */
        DECRYPT_FAILED,
        /** The handshake payload protobuf is malformed or misses required fields. */
        BAD_PAYLOAD,
        /** The 64-bit message counter ran out; the session may not send or receive any more. */
        NONCE_EXHAUSTED,
        /** An earlier failure already poisoned this decoder or transport. */
        BROKEN
    }

    private final Reason reason;

    public NoiseHandshakeException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public NoiseHandshakeException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
