package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incremental multistream-select message decoder. Chunks go in with {@link #feed}, messages come out one at a time
 * with {@link #next}, so a negotiator can stop exactly after the message that ends negotiation and hand the rest
 * ({@link #takeRemaining}) to the next protocol. The first framing error is terminal: the stream position is lost,
 * so every later call fails too.
 */
public final class MultistreamDecoder {
    public enum State { READ_LENGTH, READ_BODY, BAD_MESSAGE }

    private final int maxMessageBytes;
    private final int maxLengthPrefixBytes;
    private Buffer pending = Buffer.buffer();
    private int readIndex;
    private int prefixLength;
    private int bodyLength;
    private State state = State.READ_LENGTH;
    private String failure;

    public MultistreamDecoder(int maxMessageBytes, int maxLengthPrefixBytes) {
        if (maxMessageBytes < 1 || maxLengthPrefixBytes < 1 || maxLengthPrefixBytes > 4) {
            throw new IllegalArgumentException("limits out of range: " + maxMessageBytes + ", " + maxLengthPrefixBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxLengthPrefixBytes = maxLengthPrefixBytes;
    }

    /** The limits go and js use: 1024-byte messages, at most two length bytes. */
    public static MultistreamDecoder withDefaults() {
        return new MultistreamDecoder(Multistream.MAX_MESSAGE_BYTES, Multistream.MAX_LENGTH_PREFIX_BYTES);
    }

    public State state() {
        return state;
    }

    public void feed(Buffer chunk) {
        failIfBad();
        // readIndex only ever points at the start of an undecoded message, so dropping what lies before it is safe
        if (readIndex > 0) {
            pending = pending.getBuffer(readIndex, pending.length());
            readIndex = 0;
        }
        pending.appendBuffer(chunk);
    }

    /** Feeds a chunk and returns every complete message in it (for callers that never switch protocols). */
    public List<String> decode(Buffer chunk) {
        feed(chunk);
        List<String> messages = new ArrayList<>();
        for (Optional<String> message = next(); message.isPresent(); message = next()) {
            messages.add(message.get());
        }
        return messages;
    }

    /** The next complete message without its newline, or empty when more bytes are needed. */
    public Optional<String> next() {
        failIfBad();
        if (state == State.READ_LENGTH && !readLength()) {
            return Optional.empty();
        }
        if (pending.length() - readIndex - prefixLength < bodyLength) {
            return Optional.empty();
        }
        int start = readIndex + prefixLength;
        byte[] body = pending.getBytes(start, start + bodyLength);
        readIndex = start + bodyLength;
        state = State.READ_LENGTH;
        return Optional.of(text(body));
    }

    /** Hands over the bytes not yet decoded (they belong to whatever runs after negotiation) and forgets them. */
    public Buffer takeRemaining() {
        Buffer rest = pending.getBuffer(readIndex, pending.length());
        pending = Buffer.buffer();
        readIndex = 0;
        state = state == State.BAD_MESSAGE ? state : State.READ_LENGTH;
        return rest;
    }

    private boolean readLength() {
        int value = 0;
        for (int i = 0; i < maxLengthPrefixBytes; i++) {
            if (readIndex + i >= pending.length()) {
                return false;
            }
            int b = pending.getByte(readIndex + i) & 0xFF;
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw bad("length prefix is not minimally encoded");
                }
                if (value == 0) {
                    throw bad("empty message (a message must at least hold its newline)");
                }
                if (value > maxMessageBytes) {
                    throw bad("message of " + value + " bytes, over the limit of " + maxMessageBytes);
                }
                prefixLength = i + 1;
                bodyLength = value;
                state = State.READ_BODY;
                return true;
            }
        }
        throw bad("length prefix longer than " + maxLengthPrefixBytes + " bytes");
    }

    private String text(byte[] body) {
        if (body[body.length - 1] != '\n') {
            throw bad("message does not end with a newline");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, body.length - 1)).toString();
        } catch (CharacterCodingException e) {
            throw bad("message is not valid UTF-8");
        }
        if (text.indexOf('\n') >= 0) {
            throw bad("message contains more than one newline");
        }
        return text;
    }

    private MultistreamException bad(String reason) {
        state = State.BAD_MESSAGE;
        failure = reason;
        pending = Buffer.buffer();
        readIndex = 0;
        return new MultistreamException(reason);
    }

    private void failIfBad() {
        if (state == State.BAD_MESSAGE) {
            throw new MultistreamException("decoder already failed: " + failure);
        }
    }
}
