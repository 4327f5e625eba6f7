package dev.granary.chain.devnet;

import dev.granary.chain.MessageLookup;

import java.util.List;

/**
 * An executed message as the devnet saw it: where it landed with its receipt, and the notes execution left that a
 * receipt cannot carry, e.g. {@code invalid deal 1: proposal authentication failed: ...} for each deal a
 * PublishStorageDeals skipped, and the failure message when the message failed.
 */
public record MessageReport(MessageLookup lookup, List<String> notes) {
    public MessageReport {
        notes = List.copyOf(notes);
    }
}
