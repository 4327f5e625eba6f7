package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;

/**
 * What a negotiator wants done after it consumed a chunk. {@code toSend} must be written first in every case
 * (on SELECTED it holds the listener's echo). On SELECTED, {@code leftover} holds bytes that arrived after the final
 * message and belong to the selected protocol; on FAILED, {@code failure} says why and the channel should be closed.
 */
public record NegotiationStep(Status status, Buffer toSend, String protocol, Buffer leftover, String failure) {
    public enum Status { CONTINUE, SELECTED, FAILED }

    static NegotiationStep proceed(Buffer toSend) {
        return new NegotiationStep(Status.CONTINUE, toSend, null, Buffer.buffer(), null);
    }

    static NegotiationStep selected(Buffer toSend, String protocol, Buffer leftover) {
        return new NegotiationStep(Status.SELECTED, toSend, protocol, leftover, null);
    }

    static NegotiationStep failed(Buffer toSend, String failure) {
        return new NegotiationStep(Status.FAILED, toSend, null, Buffer.buffer(), failure);
    }

    public boolean isSelected() {
        return status == Status.SELECTED;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }
}
