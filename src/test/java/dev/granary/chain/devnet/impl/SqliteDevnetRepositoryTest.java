package dev.granary.chain.devnet.impl;

import dev.granary.store.StoreConfig;

class SqliteDevnetRepositoryTest extends DevnetRepositoryContract {
    @Override
    protected StoreConfig storeConfig() {
        return new StoreConfig("", 4);
    }
}
