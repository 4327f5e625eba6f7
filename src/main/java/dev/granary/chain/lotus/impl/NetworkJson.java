package dev.granary.chain.lotus.impl;

import dev.granary.chain.NetworkParameters;
import dev.granary.chain.lotus.LotusPolicy;

/**
 * {@code api.NetworkParams} completed with the policy constants the node does not report (see {@link LotusPolicy}).
 */
public final class NetworkJson {
    static final int MAX_NETWORK_NAME_CHARS = 256;

    private NetworkJson() {
    }

    public static NetworkParameters parameters(JsonValue params, LotusPolicy policy) {
        String name = params.field("NetworkName").text(MAX_NETWORK_NAME_CHARS);
        long blockDelay = params.field("BlockDelaySecs").nonNegative();
        if (blockDelay == 0) {
            throw params.field("BlockDelaySecs").fail("a block delay of 0 seconds");
        }
        long challengeDelay = params.field("PreCommitChallengeDelay").nonNegative();
        return new NetworkParameters(name, blockDelay, challengeDelay, policy.minDealDuration(),
                policy.maxDealDuration(), policy.maxSectorExpirationExtension(),
                policy.maxProveCommitDuration(challengeDelay), policy.sectorSizes());
    }
}
