package dev.granary.p2p.noise;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/**
 * Splits a TCP byte stream into Noise frames ({@code u16 big-endian length ‖ body}), whatever the chunking. A state
 * machine rather than a growing buffer, so a peer trickling bytes cannot make us re-scan or copy more than once.
 * After any error the decoder stays in {@code BAD_MESSAGE}: the stream position is lost and nothing after it can be
 * trusted.
 */
public final class NoiseFrameDecoder {
    enum State { READ_LENGTH, READ_BODY, BAD_MESSAGE }

    public static final int MAX_FRAME_LENGTH = 65535;
    private static final int LENGTH_PREFIX = 2;

    private final int minFrameLength;
    private final int maxFrameLength;
    private State state = State.READ_LENGTH;
    private int lengthBytesSeen;
    private int pendingLength;
    private byte[] body;
    private int bodyFilled;

    /**
     * @param minFrameLength shortest acceptable body (16 for transport frames: a tag; 0 accepts anything)
     * @param maxFrameLength longest acceptable body, at most 65535 which the 2-byte prefix already implies
     */
    public NoiseFrameDecoder(int minFrameLength, int maxFrameLength) {
        if (minFrameLength < 0 || maxFrameLength > MAX_FRAME_LENGTH || minFrameLength > maxFrameLength) {
            throw new IllegalArgumentException("frame limits must satisfy 0 <= min <= max <= 65535");
        }
        this.minFrameLength = minFrameLength;
        this.maxFrameLength = maxFrameLength;
    }

    State state() {
        return state;
    }

    /** Consumes one chunk and hands every frame it completes to {@code frames}, in order. */
    public void feed(Buffer chunk, Consumer<Buffer> frames) throws NoiseHandshakeException {
        if (state == State.BAD_MESSAGE) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BROKEN, "frame decoder already failed");
        }
        int position = 0;
        int length = chunk.length();
        while (position < length) {
            if (state == State.READ_LENGTH) {
                pendingLength = (pendingLength << 8) | (chunk.getByte(position++) & 0xFF);
                if (++lengthBytesSeen == LENGTH_PREFIX) {
                    startBody(frames);
                }
            } else {
                int take = Math.min(body.length - bodyFilled, length - position);
                chunk.getBytes(position, position + take, body, bodyFilled);
                bodyFilled += take;
                position += take;
                if (bodyFilled == body.length) {
                    emit(frames);
                }
            }
        }
    }

    /** Call at end of stream: a partial frame means the peer hung up mid-message. */
    public void endOfStream() throws NoiseHandshakeException {
        if (state == State.BAD_MESSAGE) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BROKEN, "frame decoder already failed");
        }
        if (lengthBytesSeen != 0 || state == State.READ_BODY) {
            state = State.BAD_MESSAGE;
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED, "stream ended inside a frame");
        }
    }

    public boolean isBetweenFrames() {
        return state == State.READ_LENGTH && lengthBytesSeen == 0;
    }

    private void startBody(Consumer<Buffer> frames) throws NoiseHandshakeException {
        int frameLength = pendingLength;
        lengthBytesSeen = 0;
        pendingLength = 0;
        if (frameLength > maxFrameLength) {
            state = State.BAD_MESSAGE;
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.OVERSIZED_FRAME,
                    "frame of " + frameLength + " bytes exceeds limit " + maxFrameLength);
        }
        if (frameLength < minFrameLength) {
            state = State.BAD_MESSAGE;
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED,
                    "frame of " + frameLength + " bytes is shorter than " + minFrameLength);
        }
        body = new byte[frameLength];
        bodyFilled = 0;
        state = State.READ_BODY;
        if (frameLength == 0) {
            emit(frames);
        }
    }

    private void emit(Consumer<Buffer> frames) {
        Buffer frame = NoiseTransport.wrap(body, 0, body.length); // the decoder never touches body again
        body = null;
        state = State.READ_LENGTH;
        frames.accept(frame);
    }

    /** Prefixes a body with its 2-byte big-endian length. */
    public static Buffer frame(byte[] body) throws NoiseHandshakeException {
        if (body.length > MAX_FRAME_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.OVERSIZED_FRAME,
                    "body of " + body.length + " bytes does not fit a frame");
        }
        return Buffer.buffer(LENGTH_PREFIX + body.length).appendUnsignedShort(body.length).appendBytes(body);
    }
}
