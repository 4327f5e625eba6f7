package dev.granary.chain;

/**
 * A tipset at the head of the chain. {@code timestamp} is the tipset's own header time in Unix seconds; the code
 * above the port reasons in epochs, never wall time.
 */
public record ChainHead(long epoch, TipSetKey key, long timestamp) {
    public ChainHead {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative, got " + epoch);
        }
        java.util.Objects.requireNonNull(key, "key");
    }
}
