package dev.granary.chain.devnet;

import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.chain.Message;
import io.vertx.core.Future;

import java.util.function.Predicate;

/**
 * Failure injection for tests: the ways a real chain lets a storage provider down, on demand. Predicates run on the
 * devnet's context, so they must not block and must not touch the caller's state.
 */
public interface DevnetFaults {
    /**
     * The next {@code count} pushes that match are refused at push time, the way a node's mpool refuses a message:
     * {@code pushMessage} fails with a REJECTED {@link dev.granary.chain.ChainException} saying {@code reason}.
     */
    Future<Void> rejectPushes(Predicate<MessageRequest> match, int count, String reason);

    /**
     * The next executed message that matches fails with SysErrOutOfGas and uses its whole gas limit; only its sender's
     * nonce advances.
     */
    Future<Void> outOfGas(Predicate<Message> match);

    /**
     * A reorg: the last {@code epochs} epochs leave the chain (one {@code HeadReverted} each, newest first), their
     * state changes are undone and the messages they executed go back to the pool, then as many new epochs are
     * produced (one {@code HeadApplied} each) with new tipset keys, re-executing those messages. At most the
     * policy's {@code maxReorgDepth}, and only epochs produced since this node started. Completes once the new branch
     * is stored.
     */
    Future<Void> reorg(int epochs);
}
