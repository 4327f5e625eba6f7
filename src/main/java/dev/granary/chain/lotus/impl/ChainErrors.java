package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainException;
import dev.granary.chain.ChainException.Kind;

import java.net.URI;

/** The ChainExceptions this adapter raises, worded for the operator who has to act on them. */
final class ChainErrors {
    /** Long Go error chains are cut here in messages; the start of the chain says what went wrong. */
    private static final int MAX_QUOTED_CHARS = 2000;

    private ChainErrors() {
    }

    static ChainException unreachable(URI url, String method, TransportFailure failure, int attempts) {
        return new ChainException(Kind.UNREACHABLE, "chain node at " + url + " is unreachable: " + failure.getMessage()
                + " (" + method + ", " + attempts + (attempts == 1 ? " attempt)" : " attempts)"), failure);
    }

    /** A push that may have reached the node is not repeated: a second MpoolPushMessage would send a second message. */
    static ChainException unreachableAfterPush(URI url, String method, TransportFailure failure) {
        return new ChainException(Kind.OUTCOME_UNKNOWN, "chain node at " + url + " is unreachable: " + failure.getMessage()
                + " during " + method + "; not retried because the node may have accepted the message: look for it"
                + " (mpool or StateSearchMsg) before pushing it again", failure);
    }

    static ChainException tokenRejected(URI url, String method, int status) {
        return new ChainException(Kind.PERMISSION, "chain node at " + url + " rejected the API token (HTTP " + status
                + " on " + method + "): set chain.token to a JWT from this node, e.g. `lotus auth create-token --perm sign`");
    }

    static ChainException missingPermission(String method, String permission, RpcError error) {
        return new ChainException(Kind.PERMISSION, "the chain token lacks the '" + permission + "' permission that "
                + method + " needs: set chain.token to a token with it (`lotus auth create-token --perm " + permission
                + "`); the node said: " + quote(error.message()));
    }

    static ChainException rejected(String method, RpcError error) {
        String permission = error.missingPermission();
        if (permission != null) {
            return missingPermission(method, permission, error);
        }
        return new ChainException(Kind.REJECTED, method + " was refused by the chain node (code " + error.code() + "): "
                + quote(error.message()));
    }

    static ChainException unexpectedStatus(URI url, String method, int status) {
        return new ChainException(Kind.PROTOCOL, "chain node at " + url + " answered " + method + " with HTTP " + status
                + "; is chain.url a Lotus JSON-RPC v1 endpoint (http://host:1234/rpc/v1)?");
    }

    static ChainException tooLarge(String method, int limit) {
        return new ChainException(Kind.PROTOCOL, method + ": the chain node's answer is larger than the "
                + (limit >= 1 << 20 && limit % (1 << 20) == 0 ? (limit >> 20) + " MiB" : limit + "-byte")
                + " response limit");
    }

    private static String quote(String text) {
        return text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
    }
}
