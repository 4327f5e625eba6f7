package dev.granary.chain;

import java.util.List;

/**
 * Chain rules the market and sealing code plan with. All durations are in epochs except {@code blockDelaySeconds}.
 *
 * @param sectorSizes               sector sizes in bytes that the network accepts
 * @param minDealDuration           shortest deal the market actor accepts (mainnet 180 days)
 * @param maxDealDuration           longest deal (mainnet 1278 days)
 * @param maxSectorExpirationExtension how far past now a sector may expire at pre-commit
 */
public record NetworkParameters(String networkName, long blockDelaySeconds, long preCommitChallengeDelay,
                                long minDealDuration, long maxDealDuration, long maxSectorExpirationExtension,
                                long maxProveCommitDuration, List<Long> sectorSizes) {
    public NetworkParameters {
        sectorSizes = List.copyOf(sectorSizes);
    }
}
