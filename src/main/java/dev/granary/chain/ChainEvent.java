package dev.granary.chain;

/** Head changes, published on {@link #ADDRESS} by the active {@link ChainApi} adapter. */
public sealed interface ChainEvent {
    String ADDRESS = "granary.chain.head";

    ChainHead head();

    /** A tipset became (part of) the heaviest chain; heads arrive in epoch order. */
    record HeadApplied(ChainHead head) implements ChainEvent {
    }

    /** A tipset left the heaviest chain (reorg); an {@link HeadApplied} for the new branch follows. */
    record HeadReverted(ChainHead head) implements ChainEvent {
    }
}
