package dev.granary.chain.devnet.impl;

import dev.granary.chain.MessageReceipt;
import dev.granary.filecoin.chain.SignedMessage;
import dev.granary.ipld.Cid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from the moment it is pushed: pending while {@code executedEpoch} is -1, then with its receipt and the
 * notes its execution left (why a deal in a batch was skipped, why the message failed).
 *
 * @param pushedAt the head when it was pushed; it is executed at {@code pushedAt + inclusionDelay} or later
 */
record MessageRecord(Cid cid, SignedMessage signed, long pushedAt, long executedEpoch, MessageReceipt receipt,
                     List<String> notes) {
    MessageRecord {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(signed, "signed");
        notes = List.copyOf(notes);
        if ((executedEpoch < 0) != (receipt == null)) {
            throw new IllegalArgumentException("a message has a receipt exactly when it has been executed");
        }
    }

    static MessageRecord pending(SignedMessage signed, long pushedAt) {
        return new MessageRecord(signed.cid(), signed, pushedAt, -1, null, List.of());
    }

    boolean pending() {
        return executedEpoch < 0;
    }

    Optional<MessageReceipt> maybeReceipt() {
        return Optional.ofNullable(receipt);
    }

    MessageRecord executed(long epoch, MessageReceipt result, List<String> executionNotes) {
        return new MessageRecord(cid, signed, pushedAt, epoch, result, executionNotes);
    }
}
