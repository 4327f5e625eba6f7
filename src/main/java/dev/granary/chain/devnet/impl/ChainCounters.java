package dev.granary.chain.devnet.impl;

/**
 * The devnet's scalar state.
 *
 * @param height        the newest epoch
 * @param headTimestamp the newest tipset's header time, Unix seconds
 * @param nextActorId   the ID the next new account gets (from 100, like the init actor; 1000 is the miner's)
 * @param nextDealId    the market's next deal ID
 * @param generation    how many reorgs the chain has gone through
 */
record ChainCounters(long height, long headTimestamp, long nextActorId, long nextDealId, long generation) {
    static ChainCounters genesis(long timestamp) {
        return new ChainCounters(0, timestamp, DevnetActors.FIRST_ACCOUNT_ID, 0, 0);
    }

    ChainCounters withHead(long epoch, long timestamp) {
        return new ChainCounters(epoch, timestamp, nextActorId, nextDealId, generation);
    }

    ChainCounters withNextActorId(long id) {
        return new ChainCounters(height, headTimestamp, id, nextDealId, generation);
    }

    ChainCounters withNextDealId(long id) {
        return new ChainCounters(height, headTimestamp, nextActorId, id, generation);
    }

    ChainCounters withGeneration(long count) {
        return new ChainCounters(height, headTimestamp, nextActorId, nextDealId, count);
    }
}
