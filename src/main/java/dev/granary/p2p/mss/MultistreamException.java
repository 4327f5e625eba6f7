package dev.granary.p2p.mss;

/** Bytes that are not a valid multistream-select message, or a peer breaking the negotiation rules. */
public class MultistreamException extends IllegalArgumentException {
    public MultistreamException(String message) {
        super(message);
    }
}
