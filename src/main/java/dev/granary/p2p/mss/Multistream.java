package dev.granary.p2p.mss;

import dev.granary.ipld.Varint;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * multistream-select 1.0 framing: each message is {@code uvarint(N) ‖ text ‖ '\n'} where N counts the newline.
 * The same framing is used on a raw connection, inside the encrypted channel and on every muxed stream.
 */
public final class Multistream {
    public static final String HEADER = "/multistream/1.0.0";
    public static final String NOT_AVAILABLE = "na";
    public static final String LIST = "ls";
    /** go and js both refuse longer messages (go-multistream ErrTooLarge). */
    public static final int MAX_MESSAGE_BYTES = 1024;
    /** js listeners accept at most two length bytes, which is also all that 1024 needs. */
    public static final int MAX_LENGTH_PREFIX_BYTES = 2;

    private Multistream() {
    }

    /** One framed message; the text must not contain a newline, and the frame must fit the 1024-byte limit. */
    public static Buffer encode(String text) {
        checkProtocolText(text);
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(body.length + 2).appendBytes(Varint.encode(body.length)).appendBytes(body);
    }

    static void checkProtocolText(String text) {
        if (text.indexOf('\n') >= 0) {
            throw new MultistreamException("multistream message contains a newline: " + text);
        }
        int length = text.getBytes(StandardCharsets.UTF_8).length + 1;
        if (length > MAX_MESSAGE_BYTES) {
            throw new MultistreamException("multistream message of " + length + " bytes, over " + MAX_MESSAGE_BYTES);
        }
    }
}
