package dev.granary.examples.consensus;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * One node's engine settings.
 *
 * @param self           this node's peer identity
 * @param timing         state timeouts and pauses
 * @param minimumProvers live provers (and, for the usual quorum rule, votes) a round needs; asked each time,
 *                       because the prover set can change between rounds
 */
public record ConsensusSettings(String self, Timing timing, IntSupplier minimumProvers) {
    public ConsensusSettings {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(minimumProvers, "minimumProvers");
    }
}
