package dev.granary.chain.lotus.impl;

/**
 * One attempt at a call failed on the way (connect, timeout, reset, gateway error). Internal to the client: callers
 * see a {@link dev.granary.chain.ChainException} once retries are spent. {@link #mayHaveReachedNode()} is what
 * decides whether a message push may be repeated.
 */
final class TransportFailure extends RuntimeException {
    private final boolean mayHaveReachedNode;

    private TransportFailure(String description, boolean mayHaveReachedNode, Throwable cause) {
        super(description, cause, false, false);
        this.mayHaveReachedNode = mayHaveReachedNode;
    }

    /** No connection was made, so the node saw nothing. */
    static TransportFailure connect(Throwable cause) {
        return new TransportFailure("cannot connect (" + describe(cause) + ")", false, cause);
    }

    static TransportFailure lost(Throwable cause) {
        return new TransportFailure("connection lost (" + describe(cause) + ")", true, cause);
    }

    static TransportFailure timeout(long millis, boolean requestSent) {
        return new TransportFailure("no answer within " + millis + " ms", requestSent, null);
    }

    static TransportFailure gateway(int status, String reason) {
        return new TransportFailure("HTTP " + status + (reason == null || reason.isEmpty() ? "" : " " + reason), true, null);
    }

    boolean mayHaveReachedNode() {
        return mayHaveReachedNode;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
