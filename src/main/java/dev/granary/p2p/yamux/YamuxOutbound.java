package dev.granary.p2p.yamux;

/**
 * Where a session's frames go, one whole frame per call and in order. A transport that seals frames itself takes
 * them here, header fields and body apart, so that it never has to join them into one buffer first.
 */
@FunctionalInterface
public interface YamuxOutbound {
    void send(YamuxFrame frame);
}
