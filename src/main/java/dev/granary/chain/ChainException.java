package dev.granary.chain;

/** A chain call failed; {@link #kind()} says whether a retry can help. */
public final class ChainException extends RuntimeException {
    public enum Kind {
        /** The chain node could not be reached or did not answer in time: retry later. */
        UNREACHABLE,
        /** The token lacks a permission the call needs: an operator must fix the config. */
        PERMISSION,
        /** The chain node refused the request as invalid (bad params, unknown actor, mpool rejection). */
        REJECTED,
        /** The chain node answered something this adapter cannot read. */
        PROTOCOL,
        /**
         * A message push may or may not have reached the node (the connection broke after the request went out).
         * Pushing again could send a second message: look for the first one (searchMessage, the mpool) before retrying.
         */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;

    public ChainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ChainException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.UNREACHABLE;
    }
}
