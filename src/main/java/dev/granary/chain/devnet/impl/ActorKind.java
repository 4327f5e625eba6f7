package dev.granary.chain.devnet.impl;

/** What code an actor runs; the devnet has only these. */
enum ActorKind {
    /** A key-backed account (f1/f3/f4 owners of funds). */
    ACCOUNT,
    /** The storage market actor, f05. */
    MARKET,
    /** The storage miner actor, f01000. */
    MINER,
    /** The faucet's reserve, f090: holds the supply nobody has been given yet. */
    RESERVE,
    /** f099: burnt funds land here and never leave. */
    BURNT
}
