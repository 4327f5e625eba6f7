package dev.granary.examples.consensus;

/**
 * What the engine needs of every application value it handles (states, votes, collected operations): an
 * identity to tell items apart and the rank (frame number, height) they belong to.
 */
public interface Unique {
    String identity();

    long rank();
}
