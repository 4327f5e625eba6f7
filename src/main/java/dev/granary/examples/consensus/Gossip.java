package dev.granary.examples.consensus;

/**
 * A node's outgoing messages, handed to the application so its providers can publish what the engine asks
 * them to send. Sending is fire-and-forget, like pubsub: nothing says who heard it.
 */
public interface Gossip {
    /** This node's identity, which every message carries as its sender. */
    String self();

    void liveness(Unique collected);

    void proposal(Unique proposal);

    void vote(String proposer, Unique vote);

    void confirmation(Unique finalized);
}
