package dev.granary.examples.consensus;

import java.util.Optional;

/**
 * The machine's data as it is now. Engine behaviors are handed the data of the moment their state was
 * entered; the voting and proving loops must see votes and proposals that arrived since (recorded by
 * transitions that stay in the state), so they read them through this. A node backs it with its group's
 * snapshot.
 */
@FunctionalInterface
public interface CurrentRound {
    Optional<RoundData> of(String machineId);
}
