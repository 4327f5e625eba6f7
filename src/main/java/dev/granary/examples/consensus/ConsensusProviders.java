package dev.granary.examples.consensus;

import java.util.Objects;

/** The application side of the engine, one implementation per node. */
public record ConsensusProviders<S extends Unique, V extends Unique, C extends Unique>(
        SyncProvider<S> sync,
        VotingProvider<S, V> voting,
        LeaderProvider<S, C> leader,
        LivenessProvider<S, C> liveness) {

    public ConsensusProviders {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(voting, "voting");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(liveness, "liveness");
    }

    /** One object implementing all four ports, as simple applications do. */
    public static <S extends Unique, V extends Unique, C extends Unique, A extends SyncProvider<S> & VotingProvider<S, V>
            & LeaderProvider<S, C> & LivenessProvider<S, C>> ConsensusProviders<S, V, C> of(A application) {
        return new ConsensusProviders<>(application, application, application, application);
    }
}
