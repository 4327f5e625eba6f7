package dev.granary.node;

import dev.granary.api.ApiConfig;
import dev.granary.node.config.GranaryConfig;
import dev.granary.node.config.LogConfig;
import dev.granary.p2p.P2pConfig;
import dev.granary.store.StoreConfig;

/** Config records for in-process tests: embedded SQLite, API on a free loopback port. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static GranaryConfig embedded() {
        return new GranaryConfig(new ApiConfig("127.0.0.1", 0, 4L << 20), new StoreConfig("", 4), new P2pConfig(""),
                new LogConfig("info"));
    }
}
