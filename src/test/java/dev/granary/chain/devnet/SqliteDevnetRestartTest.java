package dev.granary.chain.devnet;

import dev.granary.store.StoreConfig;

class SqliteDevnetRestartTest extends DevnetRestartContract {
    @Override
    protected StoreConfig store() {
        return new StoreConfig("", 4);
    }
}
