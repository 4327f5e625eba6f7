package dev.granary.chain;

import dev.granary.ipld.Cid;

/**
 * A message found on chain. {@code message} is the CID that landed, which differs from the pushed one when the
 * node replaced the message (fee bump); {@code height} is the epoch of the tipset that executed it.
 */
public record MessageLookup(Cid message, MessageReceipt receipt, TipSetKey tipSet, long height) {
}
