package dev.granary.fsm;

import java.time.Duration;

/**
 * How a state's failing entry handler is re-run before the failure is handed to the definition's
 * failure event (or recorded). Delays grow geometrically from {@code initialDelay} up to {@code maxDelay}.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
    }

    public static RetryPolicy exponential(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, 2);
    }

    /** Delay before attempt {@code next} (2 for the first retry). */
    public Duration delayBefore(int next) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, next - 2));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
