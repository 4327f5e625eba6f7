package dev.granary.p2p.noise;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/**
 * The post-handshake secure channel as a pure byte transformer: plaintext in, framed ciphertext out, and the
 * reverse. The decrypted side is a byte stream, so message boundaries carry no meaning for callers.
 */
public final class NoiseTransport {
    public static final int MAX_PLAINTEXT = NoiseFrameDecoder.MAX_FRAME_LENGTH - ChaChaPoly.TAG_LENGTH;
    private static final byte[] NO_AD = new byte[0];

    private final CipherState sender;
    private final CipherState receiver;
    private final NoiseFrameDecoder decoder =
            new NoiseFrameDecoder(ChaChaPoly.TAG_LENGTH, NoiseFrameDecoder.MAX_FRAME_LENGTH);
    private boolean broken;

    public NoiseTransport(CipherState sender, CipherState receiver) {
        if (!sender.hasKey() || !receiver.hasKey()) {
            throw new IllegalArgumentException("transport ciphers need keys");
        }
        this.sender = sender;
        this.receiver = receiver;
    }

    /** Encrypts plaintext into as many frames as needed; empty input yields an empty buffer (no frame). */
    public Buffer encrypt(Buffer plaintext) throws NoiseHandshakeException {
        checkUsable();
        byte[] bytes = plaintext.getBytes();
        Buffer out = Buffer.buffer(bytes.length + (bytes.length / MAX_PLAINTEXT + 1) * (2 + ChaChaPoly.TAG_LENGTH));
        for (int offset = 0; offset < bytes.length; offset += MAX_PLAINTEXT) {
            int length = Math.min(MAX_PLAINTEXT, bytes.length - offset);
            byte[] sealed;
            try {
                sealed = sender.encryptWithAd(NO_AD, bytes, offset, length);
            } catch (NoiseHandshakeException e) {
                throw poison(e);
            }
            out.appendUnsignedShort(sealed.length).appendBytes(sealed);
        }
        return out;
    }

    /** Decrypts one frame body (length prefix already removed). */
    public Buffer decryptFrame(Buffer frameBody) throws NoiseHandshakeException {
        checkUsable();
        byte[] body = frameBody.getBytes();
        try {
            return Buffer.buffer(receiver.decryptWithAd(NO_AD, body));
        } catch (NoiseHandshakeException e) {
            throw poison(e);
        }
    }

    /** Feeds raw bytes from the socket; each completed frame is decrypted and its plaintext handed on. */
    public void receive(Buffer chunk, Consumer<Buffer> plaintext) throws NoiseHandshakeException {
        checkUsable();
        try {
            decoder.feed(chunk, frame -> plaintext.accept(decryptUnchecked(frame)));
        } catch (DecryptFailure failure) {
            broken = true;
            throw failure.cause;
        } catch (NoiseHandshakeException e) {
            broken = true;
            throw e;
        }
    }

    public void endOfStream() throws NoiseHandshakeException {
        decoder.endOfStream();
    }

    private Buffer decryptUnchecked(Buffer frame) {
        try {
            return decryptFrame(frame);
        } catch (NoiseHandshakeException e) {
            throw new DecryptFailure(e);
        }
    }

    private void checkUsable() throws NoiseHandshakeException {
        if (broken) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BROKEN, "transport already failed");
        }
    }

    // Counters may now disagree with the peer's; nothing later could decrypt, so fail fast from now on.
    private NoiseHandshakeException poison(NoiseHandshakeException e) {
        broken = true;
        return e;
    }

    /** Carries a checked failure out of the decoder's Consumer callback. */
    private static final class DecryptFailure extends RuntimeException {
        final NoiseHandshakeException cause;

        DecryptFailure(NoiseHandshakeException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
