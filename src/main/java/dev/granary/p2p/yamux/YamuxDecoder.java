package dev.granary.p2p.yamux;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

/**
 * Turns transport chunks into frames. Explicit states in the style of Netty's MQTT decoder: once a frame is bad the
 * byte stream has no trustworthy frame boundary any more, so the decoder stays in BAD_MESSAGE and drops everything.
 *
 * <p>The body limit is asked per stream, at the moment the header is read, because it is the receive window we
 * granted for that stream; frames are emitted one by one so that each frame's effect on the windows is applied before
 * the next header is checked.
 */
public final class YamuxDecoder {
    enum State { READ_HEADER, READ_BODY, BAD_MESSAGE }

    private final IntToLongFunction maxDataLength;
    private final Consumer<YamuxFrame> sink;
    private State state = State.READ_HEADER;
    private Buffer pending = Buffer.buffer();
    /** False while {@code pending} is the caller's chunk itself, which must not be appended to. */
    private boolean pendingOwned = true;
    private int readIndex;
    private YamuxFrame header;

    /**
     * @param maxDataLength largest Data payload accepted for a stream id (the window granted to the peer)
     * @param sink          receives each complete frame
     */
    public YamuxDecoder(IntToLongFunction maxDataLength, Consumer<YamuxFrame> sink) {
        this.maxDataLength = maxDataLength;
        this.sink = sink;
    }

    /** @throws YamuxProtocolException once, for the first bad frame; afterwards input is ignored */
    public void decode(Buffer chunk) {
        if (state == State.BAD_MESSAGE) {
            return;
        }
        if (readIndex == pending.length()) {
            // nothing buffered: read the chunk in place instead of copying it in
            pending = chunk;
            pendingOwned = false;
            readIndex = 0;
        } else {
            if (!pendingOwned) {
                pending = pending.getBuffer(readIndex, pending.length());
                readIndex = 0;
                pendingOwned = true;
            }
            pending.appendBuffer(chunk);
        }
        try {
            while (state != State.BAD_MESSAGE && step()) {
                // keep going while whole headers or bodies are available
            }
        } catch (YamuxProtocolException e) {
            state = State.BAD_MESSAGE;
            pending = Buffer.buffer();
            pendingOwned = true;
            readIndex = 0;
            throw e;
        }
        compact();
    }

    State state() {
        return state;
    }

    private boolean step() {
        int available = pending.length() - readIndex;
        if (state == State.READ_HEADER) {
            if (available < YamuxHeaderCodec.HEADER_LENGTH) {
                return false;
            }
            header = YamuxHeaderCodec.decodeHeader(pending, readIndex);
            readIndex += YamuxHeaderCodec.HEADER_LENGTH;
            if (header.type() != YamuxFrameType.DATA) {
                emit(header);
                return true;
            }
            long limit = maxDataLength.applyAsLong(header.streamId());
            if (header.length() > limit) {
                throw new YamuxProtocolException("Data frame of " + header.length() + " bytes exceeds the window of "
                        + limit + " granted on stream " + Integer.toUnsignedString(header.streamId()));
            }
            state = State.READ_BODY;
            return true;
        }
        int length = (int) header.length();
        if (available < length) {
            return false;
        }
        // a view, not a copy: bytes already handed to us are never written again (appends only go past the end)
        Buffer body = pending.slice(readIndex, readIndex + length);
        readIndex += length;
        state = State.READ_HEADER;
        emit(header.withBody(body));
        return true;
    }

    private void emit(YamuxFrame frame) {
        header = null;
        sink.accept(frame);
    }

    private void compact() {
        if (readIndex == 0 && pendingOwned) {
            return;
        }
        pending = readIndex == pending.length() ? Buffer.buffer() : pending.getBuffer(readIndex, pending.length());
        pendingOwned = true;
        readIndex = 0;
    }
}
