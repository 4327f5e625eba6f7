package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;

import java.util.Optional;

/**
 * What both sides of multistream-select share: feed bytes to the decoder, hand each whole message to the role's
 * {@link #handle}, and stop at the first message that ends the negotiation, so the bytes after it stay for the
 * next layer.
 */
abstract sealed class Negotiation permits DialerNegotiation, ListenerNegotiation {
    final MultistreamDecoder decoder;

    Negotiation(MultistreamDecoder decoder) {
        this.decoder = decoder;
    }

    public final NegotiationStep onData(Buffer chunk) {
        if (!receiving()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not waiting for data");
        }
        Buffer out = Buffer.buffer();
        try {
            decoder.feed(chunk);
            for (Optional<String> message = decoder.next(); message.isPresent(); message = decoder.next()) {
                NegotiationStep end = handle(message.get(), out);
                if (end != null) {
                    return end;
                }
            }
        } catch (MultistreamException e) {
            return fail(out, "bad multistream message from " + peerRole() + ": " + e.getMessage());
        }
        return NegotiationStep.proceed(out);
    }

    /** Whether {@link #onData} may be called now (started, not yet selected or failed). */
    abstract boolean receiving();

    /** "listener" or "dialer": who sends what this side reads. */
    abstract String peerRole();

    /** One whole message; returns the final step, or null to keep reading. Replies go to {@code out}. */
    abstract NegotiationStep handle(String message, Buffer out);

    abstract void markFailed();

    final NegotiationStep fail(Buffer out, String reason) {
        markFailed();
        return NegotiationStep.failed(out, reason);
    }

    static String printable(String message) {
        String cut = message.length() > 64 ? message.substring(0, 64) + "…" : message;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
