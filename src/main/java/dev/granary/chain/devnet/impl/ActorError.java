package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;

/**
 * An actor method aborted: the message fails with {@link #exitCode()} and every state change it made is undone
 * (the sender's nonce excepted), as on chain.
 */
final class ActorError extends RuntimeException {
    private final long exitCode;

    ActorError(long exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static ActorError illegalArgument(String message) {
        return new ActorError(ExitCode.ERR_ILLEGAL_ARGUMENT, message);
    }

    static ActorError forbidden(String message) {
        return new ActorError(ExitCode.ERR_FORBIDDEN, message);
    }

    static ActorError notFound(String message) {
        return new ActorError(ExitCode.ERR_NOT_FOUND, message);
    }

    static ActorError insufficientFunds(String message) {
        return new ActorError(ExitCode.ERR_INSUFFICIENT_FUNDS, message);
    }

    static ActorError serialization(String message) {
        return new ActorError(ExitCode.ERR_SERIALIZATION, message);
    }

    long exitCode() {
        return exitCode;
    }
}
