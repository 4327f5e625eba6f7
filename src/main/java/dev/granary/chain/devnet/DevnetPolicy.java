package dev.granary.chain.devnet;

/**
 * The chain rules the devnet's market and miner actors enforce, all in epochs. Mainnet values are much longer
 * (a devnet epoch is usually one second, a mainnet epoch thirty); the devnet keeps the same rules at a scale a
 * local test or demo can reach, and reports them through {@code networkParameters()} so the code above the port
 * plans with the numbers the devnet actually uses.
 *
 * @param preCommitChallengeDelay      epochs between a pre-commit and its interactive seed (mainnet 150)
 * @param minDealDuration              shortest deal the market accepts (mainnet 180 days = 518,400)
 * @param maxDealDuration              longest deal (mainnet 1278 days = 3,680,640)
 * @param minSectorExpiration          shortest sector lifetime after activation (mainnet 180 days)
 * @param maxSectorExpirationExtension how far past the current epoch a sector may expire (mainnet 1278 days)
 * @param maxProveCommitDuration       epochs after pre-commit within which the sector must be proven
 *                                     (mainnet 30 days + PreCommitChallengeDelay)
 * @param maxTicketAge                 oldest sealing ticket accepted at pre-commit
 *                                     (MaxPreCommitRandomnessLookback, mainnet 1 day + finality = 3,780)
 * @param maxReorgDepth                how many recent epochs the devnet can revert ({@link DevnetFaults#reorg})
 */
public record DevnetPolicy(long preCommitChallengeDelay, long minDealDuration, long maxDealDuration,
                           long minSectorExpiration, long maxSectorExpirationExtension, long maxProveCommitDuration,
                           long maxTicketAge, int maxReorgDepth) {
    /** One devnet "day" of epochs: the unit the defaults below are scaled with. */
    public static final long DEVNET_DAY = 2880;
    public static final long DEFAULT_PRE_COMMIT_CHALLENGE_DELAY = 10;
    public static final long MAINNET_MAX_DEAL_DURATION = 1278 * DEVNET_DAY;

    public DevnetPolicy {
        requirePositive(preCommitChallengeDelay, "preCommitChallengeDelay");
        requirePositive(minDealDuration, "minDealDuration");
        requirePositive(minSectorExpiration, "minSectorExpiration");
        requirePositive(maxTicketAge, "maxTicketAge");
        if (maxDealDuration < minDealDuration) {
            throw new IllegalArgumentException("maxDealDuration " + maxDealDuration + " is below minDealDuration "
                    + minDealDuration);
        }
        if (maxSectorExpirationExtension < minSectorExpiration) {
            throw new IllegalArgumentException("maxSectorExpirationExtension " + maxSectorExpirationExtension
                    + " is below minSectorExpiration " + minSectorExpiration);
        }
        if (maxProveCommitDuration <= preCommitChallengeDelay) {
            throw new IllegalArgumentException("maxProveCommitDuration " + maxProveCommitDuration
                    + " leaves no epoch after the seed (preCommitChallengeDelay " + preCommitChallengeDelay + ")");
        }
        if (maxReorgDepth < 0) {
            throw new IllegalArgumentException("maxReorgDepth must not be negative");
        }
    }

    /**
     * The devnet defaults: deals and sectors live at least 180 epochs, a sector must be proven within one devnet day
     * after its seed, tickets may be one day plus 900 epochs old (as on mainnet, in epochs), the longest deal and
     * sector extension are mainnet's, and the last 64 epochs can be reorganised.
     */
    public static DevnetPolicy defaults(long preCommitChallengeDelay) {
        return new DevnetPolicy(preCommitChallengeDelay, 180, MAINNET_MAX_DEAL_DURATION, 180,
                MAINNET_MAX_DEAL_DURATION, preCommitChallengeDelay + DEVNET_DAY, DEVNET_DAY + 900, 64);
    }

    public DevnetPolicy withMaxProveCommitDuration(long epochs) {
        return new DevnetPolicy(preCommitChallengeDelay, minDealDuration, maxDealDuration, minSectorExpiration,
                maxSectorExpirationExtension, epochs, maxTicketAge, maxReorgDepth);
    }

    public DevnetPolicy withMaxTicketAge(long epochs) {
        return new DevnetPolicy(preCommitChallengeDelay, minDealDuration, maxDealDuration, minSectorExpiration,
                maxSectorExpirationExtension, maxProveCommitDuration, epochs, maxReorgDepth);
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
