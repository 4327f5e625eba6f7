package dev.granary.examples.consensus;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The engine's states, in the order a round goes through them. */
public enum ConsensusState {
    /** Not running; only {@link ConsensusEvent.Start} moves it. */
    STOPPED,
    STARTING,
    /** Synchronizing with the network until this node is among the next leaders. */
    LOADING,
    /** Gathering this round's operations and announcing liveness. */
    COLLECTING,
    /** Waiting until enough provers announced themselves for the next rank. */
    LIVENESS_CHECK,
    PROVING,
    PUBLISHING,
    VOTING,
    FINALIZING,
    /** Confirming the finalized state and making it the active one. */
    VERIFYING,
    STOPPING;

    /** States that accept {@link ConsensusEvent.Stop} and {@link ConsensusEvent.InduceSync}. */
    public static final Set<ConsensusState> RUNNING = Collections.unmodifiableSet(EnumSet.range(STARTING, VERIFYING));

    public boolean running() {
        return RUNNING.contains(this);
    }
}
