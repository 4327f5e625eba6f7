package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;

import java.util.Collection;
import java.util.Set;

/**
 * The listener side of multistream-select: answers the header, echoes the first supported proposal and answers
 * {@code na} to the rest (go dialers try {@code /tls/1.0.0} before {@code /noise}; {@code ls} also gets {@code na},
 * as in go). A bounded number of refusals keeps a peer from probing forever.
 */
public final class ListenerNegotiation extends Negotiation {
    /** Enough for go's TLS-then-Noise and a few more; a real dialer never needs many. */
    public static final int DEFAULT_MAX_REFUSALS = 8;

    private enum State { AWAIT_HEADER, AWAIT_PROPOSAL, SELECTED, FAILED }

    private final Set<String> supported;
    private final int maxRefusals;
    private State state = State.AWAIT_HEADER;
    private boolean headerSent;
    private int refusals;

    public ListenerNegotiation(Collection<String> supported) {
        this(supported, DEFAULT_MAX_REFUSALS, MultistreamDecoder.withDefaults());
    }

    public ListenerNegotiation(Collection<String> supported, int maxRefusals, MultistreamDecoder decoder) {
        super(decoder);
        if (maxRefusals < 1) {
            throw new IllegalArgumentException("maxRefusals must be positive");
        }
        supported.forEach(Multistream::checkProtocolText);
        this.supported = Set.copyOf(supported);
        this.maxRefusals = maxRefusals;
    }

    /**
     * Optional eager header (go style). Without it the header is sent in reply to the dialer's (js style);
     * both interoperate.
     */
    public Buffer start() {
        if (headerSent || state != State.AWAIT_HEADER) {
            throw new IllegalStateException("header already sent");
        }
        headerSent = true;
        return Multistream.encode(Multistream.HEADER);
    }

    @Override
    boolean receiving() {
        return state == State.AWAIT_HEADER || state == State.AWAIT_PROPOSAL;
    }

    @Override
    String peerRole() {
        return "dialer";
    }

    @Override
    void markFailed() {
        state = State.FAILED;
    }

    @Override
    NegotiationStep handle(String message, Buffer out) {
        if (state == State.AWAIT_HEADER) {
            if (!Multistream.HEADER.equals(message)) {
                return fail(out, "dialer does not speak " + Multistream.HEADER + ", it sent: "
                        + printable(message));
            }
            if (!headerSent) {
                headerSent = true;
                out.appendBuffer(Multistream.encode(Multistream.HEADER));
            }
            state = State.AWAIT_PROPOSAL;
            return null;
        }
        if (supported.contains(message)) {
            state = State.SELECTED;
            out.appendBuffer(Multistream.encode(message));
            return NegotiationStep.selected(out, message, decoder.takeRemaining());
        }
        out.appendBuffer(Multistream.encode(Multistream.NOT_AVAILABLE));
        if (++refusals >= maxRefusals) {
            return fail(out, "dialer proposed " + refusals + " unsupported protocols, last "
                    + printable(message));
        }
        return null;
    }

}
