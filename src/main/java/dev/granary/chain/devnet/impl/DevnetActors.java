package dev.granary.chain.devnet.impl;

import dev.granary.filecoin.Address;

/** The devnet's built-in actors and the supply they start with. */
final class DevnetActors {
    static final long MARKET_ID = 5;
    static final long RESERVE_ID = 90;
    static final long BURNT_ID = 99;
    /** Accounts are numbered from here, like the init actor's first IDs on a lotus devnet. */
    static final long FIRST_ACCOUNT_ID = 100;
    static final long MINER_ID = 1000;

    static final Address MARKET = Address.id(MARKET_ID);
    static final Address MINER = Address.id(MINER_ID);
    static final Address RESERVE = Address.id(RESERVE_ID);
    static final Address BURNT = Address.id(BURNT_ID);

    private DevnetActors() {
    }

    /** The ID after {@code id} for a new account, skipping the miner's. */
    static long nextAccountId(long id) {
        return id + 1 == MINER_ID ? MINER_ID + 1 : id + 1;
    }
}
