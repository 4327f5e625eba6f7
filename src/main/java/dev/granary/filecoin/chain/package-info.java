/**
 * Chain message types shared by every chain adapter: {@link dev.granary.filecoin.chain.Message},
 * {@link dev.granary.filecoin.chain.SignedMessage} and how their CIDs are made.
 */
package dev.granary.filecoin.chain;
