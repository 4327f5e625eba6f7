package dev.granary.node;

/** Node lifecycle messages: every verticle may listen; only {@link GranaryNode} publishes them. */
public sealed interface NodeMessage {
    /** Published on {@link #LIFECYCLE}. */
    String LIFECYCLE = "granary.node.lifecycle";
    /** Sent on {@link #CONTROL}, consumed by the node. */
    String CONTROL = "granary.node.control";

    /** Every verticle is deployed; the node takes work. */
    record Ready(String apiUrl, String p2pAddress) implements NodeMessage {
    }

    /** The node is shutting down: stop accepting new work. */
    record Stopping(String reason) implements NodeMessage {
    }

    /** Someone with admin rights asked the node to stop (the host process decides how to exit). */
    record ShutdownRequested(String reason) implements NodeMessage {
    }
}
