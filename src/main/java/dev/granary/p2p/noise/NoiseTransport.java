package dev.granary.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.nio.ByteBuffer;
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
    private byte[] sealScratch;
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
        int total = plaintext.length();
        if (total == 0) {
            return Buffer.buffer(0);
        }
        byte[] in;
        int inOffset;
        ByteBuf backing = heapBacking(plaintext);
        if (backing != null) {
            in = backing.array();
            inOffset = backing.arrayOffset() + backing.readerIndex();
        } else {
            in = plaintext.getBytes();
            inOffset = 0;
        }
        int frames = (total + MAX_PLAINTEXT - 1) / MAX_PLAINTEXT;
        byte[] out = new byte[total + frames * (2 + ChaChaPoly.TAG_LENGTH)];
        int position = 0;
        for (int offset = 0; offset < total; offset += MAX_PLAINTEXT) {
            int length = Math.min(MAX_PLAINTEXT, total - offset);
            int sealedLength = length + ChaChaPoly.TAG_LENGTH;
            out[position] = (byte) (sealedLength >>> 8);
            out[position + 1] = (byte) sealedLength;
            try {
                position += 2 + sender.encryptInto(NO_AD, in, inOffset + offset, length, out, position + 2);
            } catch (NoiseHandshakeException e) {
                throw poison(e);
            }
        }
        return wrap(out, 0, position);
    }

    /**
     * Seals one message made of {@code header} (the first {@code headerLength} bytes) followed by {@code body} into
     * a single frame, written into a buffer from {@code allocator}: length prefix, ciphertext, tag. The caller keeps
     * messages within {@link #MAX_PLAINTEXT} and owns the returned buffer.
     */
    public ByteBuf seal(byte[] header, int headerLength, Buffer body, ByteBufAllocator allocator)
            throws NoiseHandshakeException {
        checkUsable();
        int plaintextLength = headerLength + body.length();
        if (plaintextLength > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("message of " + plaintextLength + " bytes does not fit one frame");
        }
        ByteBuffer[] bodyPieces = body.length() == 0 ? new ByteBuffer[0] : ((BufferInternal) body).getByteBuf().nioBuffers();
        ByteBuffer[] pieces = new ByteBuffer[bodyPieces.length + 1];
        pieces[0] = ByteBuffer.wrap(header, 0, headerLength);
        System.arraycopy(bodyPieces, 0, pieces, 1, bodyPieces.length);
        int sealedLength = plaintextLength + ChaChaPoly.TAG_LENGTH;
        if (sealScratch == null) {
            sealScratch = new byte[2 + NoiseFrameDecoder.MAX_FRAME_LENGTH];
        }
        byte[] frame = sealScratch;
        frame[0] = (byte) (sealedLength >>> 8);
        frame[1] = (byte) sealedLength;
        try {
            sender.encryptPiecesInto(pieces, frame, 2);
        } catch (NoiseHandshakeException e) {
            throw poison(e);
        }
        // the cipher writes into the same cache-warm array every time; the one copy into socket memory that Netty
        // would make of any heap buffer happens here instead
        return allocator.directBuffer(2 + sealedLength).writeBytes(frame, 0, 2 + sealedLength);
    }

    /** Decrypts one frame body (length prefix already removed) into a new buffer; {@code frameBody} stays as it was. */
    public Buffer decryptFrame(Buffer frameBody) throws NoiseHandshakeException {
        return decrypt(frameBody, false);
    }

    /**
     * Decrypts one frame body over its own bytes and returns the plaintext as a view of them, saving a second
     * frame-sized buffer. Only for bodies nobody else holds, such as the frames this transport's decoder emits; on
     * failure (a bad tag) the bytes are untouched.
     */
    public Buffer decryptFrameInPlace(Buffer frameBody) throws NoiseHandshakeException {
        return decrypt(frameBody, true);
    }

    private Buffer decrypt(Buffer frameBody, boolean inPlace) throws NoiseHandshakeException {
        checkUsable();
        byte[] in;
        int inOffset;
        int length = frameBody.length();
        ByteBuf backing = heapBacking(frameBody);
        if (backing != null) {
            in = backing.array();
            inOffset = backing.arrayOffset() + backing.readerIndex();
        } else {
            in = frameBody.getBytes();
            inOffset = 0;
        }
        try {
            if (length < ChaChaPoly.TAG_LENGTH) {
                throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED,
                        "ciphertext shorter than its tag");
            }
            if (inPlace && backing != null) {
                // the JDK checks the tag before it decrypts, and XORs each word after reading it: in place is safe
                receiver.decryptInto(NO_AD, in, inOffset, length, in, inOffset);
                return wrap(in, inOffset, length - ChaChaPoly.TAG_LENGTH);
            }
            byte[] out = new byte[length - ChaChaPoly.TAG_LENGTH];
            receiver.decryptInto(NO_AD, in, inOffset, length, out, 0);
            return wrap(out, 0, out.length);
        } catch (NoiseHandshakeException e) {
            throw poison(e);
        }
    }

    /** The heap ByteBuf behind a Vert.x buffer, so its bytes can be read without a copy; null if there is none. */
    static ByteBuf heapBacking(Buffer buffer) {
        if (buffer instanceof BufferInternal internal) {
            ByteBuf buf = internal.getByteBuf();
            if (buf.hasArray()) {
                return buf;
            }
        }
        return null;
    }

    /** Wraps bytes we own in a Buffer without copying them; the result is only used inside the p2p stack. */
    static Buffer wrap(byte[] bytes, int offset, int length) {
        return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes, offset, length));
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
            return decryptFrameInPlace(frame); // the decoder's own frame, never seen by anyone else
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
