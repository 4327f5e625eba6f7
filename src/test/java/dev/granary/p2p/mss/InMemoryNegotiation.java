package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * Runs a dialer and a listener against each other with no sockets. Each direction's bytes are cut into chunks
 * of the given sizes (cycled), so tests can split and merge messages at any boundary. Application bytes each side
 * writes right after its part of the negotiation let tests check that leftovers reach the next layer intact.
 */
final class InMemoryNegotiation {
    record Outcome(NegotiationStep dialer, NegotiationStep listener, Buffer dialerApp, Buffer listenerApp) {
    }

    static Outcome run(DialerNegotiation dialer, ListenerNegotiation listener, boolean eagerListenerHeader,
                       List<Integer> chunkSizes) {
        return run(dialer, listener, eagerListenerHeader, Buffer.buffer(), false, Buffer.buffer(), chunkSizes);
    }

    private InMemoryNegotiation() {
    }

    static Outcome run(DialerNegotiation dialer, ListenerNegotiation listener, boolean eagerListenerHeader,
                       Buffer dialerData, boolean dialerOptimistic, Buffer listenerDataAfterSelect,
                       List<Integer> chunkSizes) {
        // optimistic (go's lazy mode) only works when the first proposal is accepted: the data follows it unasked
        Buffer toListener = dialer.start().appendBuffer(dialerOptimistic ? dialerData : Buffer.buffer());
        Buffer toDialer = eagerListenerHeader ? listener.start() : Buffer.buffer();
        NegotiationStep dialerEnd = null;
        NegotiationStep listenerEnd = null;
        Buffer dialerApp = Buffer.buffer();
        Buffer listenerApp = Buffer.buffer();
        int chunk = 0;
        while (toListener.length() > 0 || toDialer.length() > 0) {
            if (toListener.length() > 0) {
                int size = Math.min(chunkSizes.get(chunk++ % chunkSizes.size()), toListener.length());
                Buffer piece = toListener.getBuffer(0, size);
                toListener = toListener.getBuffer(size, toListener.length());
                if (listenerEnd != null) {
                    listenerApp.appendBuffer(piece);
                } else {
                    NegotiationStep step = listener.onData(piece);
                    toDialer.appendBuffer(step.toSend());
                    if (step.status() != NegotiationStep.Status.CONTINUE) {
                        listenerEnd = step;
                        listenerApp.appendBuffer(step.leftover());
                        if (step.isSelected()) {
                            toDialer.appendBuffer(listenerDataAfterSelect);
                        }
                    }
                }
            }
            if (toDialer.length() > 0) {
                int size = Math.min(chunkSizes.get(chunk++ % chunkSizes.size()), toDialer.length());
                Buffer piece = toDialer.getBuffer(0, size);
                toDialer = toDialer.getBuffer(size, toDialer.length());
                if (dialerEnd != null) {
                    dialerApp.appendBuffer(piece);
                } else {
                    NegotiationStep step = dialer.onData(piece);
                    toListener.appendBuffer(step.toSend());
                    if (step.status() != NegotiationStep.Status.CONTINUE) {
                        dialerEnd = step;
                        dialerApp.appendBuffer(step.leftover());
                        if (step.isSelected() && !dialerOptimistic) {
                            toListener.appendBuffer(dialerData);
                        }
                    }
                }
            }
            if ((dialerEnd != null && dialerEnd.isFailed()) || (listenerEnd != null && listenerEnd.isFailed())) {
                break;
            }
        }
        return new Outcome(dialerEnd, listenerEnd, dialerApp, listenerApp);
    }
}
