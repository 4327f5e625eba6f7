package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * The dialer side of multistream-select: proposes protocols one at a time, in preference order, moving on after
 * each {@code na}. It writes the header and first proposal together without waiting for the listener's header,
 * because js listeners say nothing until they have read something.
 */
public final class DialerNegotiation extends Negotiation {
    private enum State { NEW, AWAIT_HEADER, AWAIT_ANSWER, SELECTED, FAILED }

    private final List<String> protocols;
    private State state = State.NEW;
    private int proposal;

    public DialerNegotiation(List<String> protocols) {
        this(protocols, MultistreamDecoder.withDefaults());
    }

    public DialerNegotiation(List<String> protocols, MultistreamDecoder decoder) {
        super(decoder);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no protocol to propose");
        }
        protocols.forEach(Multistream::checkProtocolText);
        this.protocols = List.copyOf(protocols);
    }

    /** The first write: header and first proposal in one buffer. */
    public Buffer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("negotiation already started");
        }
        state = State.AWAIT_HEADER;
        return Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode(protocols.get(0)));
    }

    @Override
    boolean receiving() {
        return state == State.AWAIT_HEADER || state == State.AWAIT_ANSWER;
    }

    @Override
    String peerRole() {
        return "listener";
    }

    @Override
    void markFailed() {
        state = State.FAILED;
    }

    @Override
    NegotiationStep handle(String message, Buffer out) {
        if (state == State.AWAIT_HEADER) {
            if (!Multistream.HEADER.equals(message)) {
                return fail(out, "listener does not speak " + Multistream.HEADER + ", it sent: " + printable(message));
            }
            state = State.AWAIT_ANSWER;
            return null;
        }
        String proposed = protocols.get(proposal);
        if (proposed.equals(message)) {
            state = State.SELECTED;
            return NegotiationStep.selected(out, proposed, decoder.takeRemaining());
        }
        if (!Multistream.NOT_AVAILABLE.equals(message)) {
            return fail(out, "listener answered " + printable(message) + " to " + proposed);
        }
        if (++proposal == protocols.size()) {
            return fail(out, "listener supports none of " + protocols);
        }
        out.appendBuffer(Multistream.encode(protocols.get(proposal)));
        return null;
    }

}
