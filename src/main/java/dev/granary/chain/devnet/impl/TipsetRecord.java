package dev.granary.chain.devnet.impl;

/**
 * One devnet tipset (a single block): its epoch, the reorg generation it was produced in (0 until the first reorg;
 * part of its CID so a replacement tipset at the same epoch has a different key), and its header time.
 */
record TipsetRecord(long epoch, long generation, long timestamp) {
}
