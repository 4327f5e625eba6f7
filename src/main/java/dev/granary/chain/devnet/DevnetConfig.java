package dev.granary.chain.devnet;

import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded devnet runs.
 *
 * @param blockTime      wall time between epochs; {@link Duration#ZERO} means manual: epochs advance only through
 *                       {@link DevnetChain#advance(int)} (tests, scripts)
 * @param sectorSize     the miner's sector size in bytes, one of {@link SealProofs#SECTOR_SIZES}
 * @param seed           text every tipset CID and all randomness derive from (see {@link DevnetRandomness})
 * @param inclusionDelay epochs between a message entering the pool and the epoch that executes it (at least 1)
 * @param policy         the actors' rules (durations, deadlines)
 */
public record DevnetConfig(Duration blockTime, long sectorSize, String seed, long inclusionDelay, DevnetPolicy policy) {
    public static final Duration DEFAULT_BLOCK_TIME = Duration.ofSeconds(1);
    public static final long DEFAULT_SECTOR_SIZE = 2048;
    public static final String DEFAULT_SEED = "granary-devnet";

    public DevnetConfig {
        Objects.requireNonNull(blockTime, "blockTime");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(policy, "policy");
        if (blockTime.isNegative()) {
            throw new IllegalArgumentException("blockTime must not be negative");
        }
        SealProofs.requireSectorSize(sectorSize);
        if (inclusionDelay < 1) {
            throw new IllegalArgumentException("inclusionDelay must be at least 1, got " + inclusionDelay);
        }
    }

    /** The documented defaults: 1 s epochs, 2 KiB sectors, seed "granary-devnet", seed delay 10. */
    public static DevnetConfig defaults() {
        return new DevnetConfig(DEFAULT_BLOCK_TIME, DEFAULT_SECTOR_SIZE, DEFAULT_SEED, 1,
                DevnetPolicy.defaults(DevnetPolicy.DEFAULT_PRE_COMMIT_CHALLENGE_DELAY));
    }

    /** Defaults with a manual clock, for tests. */
    public static DevnetConfig manual() {
        return defaults().withBlockTime(Duration.ZERO);
    }

    public boolean manualClock() {
        return blockTime.isZero();
    }

    public DevnetConfig withBlockTime(Duration time) {
        return new DevnetConfig(time, sectorSize, seed, inclusionDelay, policy);
    }

    public DevnetConfig withSeed(String text) {
        return new DevnetConfig(blockTime, sectorSize, text, inclusionDelay, policy);
    }

    public DevnetConfig withSectorSize(long bytes) {
        return new DevnetConfig(blockTime, bytes, seed, inclusionDelay, policy);
    }

    public DevnetConfig withInclusionDelay(long epochs) {
        return new DevnetConfig(blockTime, sectorSize, seed, epochs, policy);
    }

    public DevnetConfig withPolicy(DevnetPolicy rules) {
        return new DevnetConfig(blockTime, sectorSize, seed, inclusionDelay, rules);
    }
}
