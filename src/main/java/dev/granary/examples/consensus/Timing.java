package dev.granary.examples.consensus;

import java.time.Duration;

/**
 * Every delay of the engine. {@link #SEED} has the original engine's values; tests shrink them with
 * {@link #scaledDown} so that a round takes milliseconds, keeping the ratios between them.
 *
 * @param starting       starting: until initialization is taken as complete
 * @param loading        loading: until a sync attempt is abandoned
 * @param syncRetry      loading: pause before retrying a failed sync, or one that left this node out
 * @param collecting     collecting: until a stuck collection induces a sync
 * @param livenessCheck  liveness check: until the check is run again
 * @param livenessResend liveness check: pause before announcing liveness again
 * @param proving        proving: until it gives up and goes voting
 * @param proverPoll     proving: how often it looks for a better leader's proposal
 * @param publishing     publishing: until it goes voting anyway
 * @param voting         voting: until the vote is re-run
 * @param votePoll       voting: how often quorum is checked and the vote re-sent
 * @param finalizing     finalizing: until aggregation is re-run
 * @param verifying      verifying: until verification is re-run
 * @param stopping       stopping: until cleanup is taken as complete
 */
public record Timing(Duration starting, Duration loading, Duration syncRetry, Duration collecting,
                     Duration livenessCheck, Duration livenessResend, Duration proving, Duration proverPoll,
                     Duration publishing, Duration voting, Duration votePoll, Duration finalizing,
                     Duration verifying, Duration stopping) {

    public static final Timing SEED = new Timing(Duration.ofSeconds(1), Duration.ofHours(10), Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(120),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(16), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** Every delay divided by {@code divisor} (at least 1 ms each): {@code SEED.scaledDown(50)} turns 16 s into 320 ms. */
    public Timing scaledDown(long divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be at least 1");
        }
        return new Timing(div(starting, divisor), div(loading, divisor), div(syncRetry, divisor),
                div(collecting, divisor), div(livenessCheck, divisor), div(livenessResend, divisor),
                div(proving, divisor), div(proverPoll, divisor), div(publishing, divisor), div(voting, divisor),
                div(votePoll, divisor), div(finalizing, divisor), div(verifying, divisor), div(stopping, divisor));
    }

    private static Duration div(Duration value, long divisor) {
        return Duration.ofMillis(Math.max(1, value.toMillis() / divisor));
    }
}
