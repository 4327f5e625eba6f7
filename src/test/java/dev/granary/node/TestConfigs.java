package dev.granary.node;

import dev.granary.api.ApiConfig;
import dev.granary.node.config.GranaryConfig;
import dev.granary.node.config.LogConfig;
import dev.granary.p2p.P2pConfig;
import dev.granary.store.StoreConfig;

/** Config records for in-process tests: embedded SQLite, API and libp2p on free loopback ports. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** The default p2p.listen port (24001) would collide when tests run several nodes: use a free port instead. */
    public static final String P2P_LOOPBACK = "/ip4/127.0.0.1/tcp/0";

    public static GranaryConfig embedded() {
        return withP2p(P2P_LOOPBACK);
    }

    /** Empty p2p.listen: no libp2p host. */
    public static GranaryConfig withoutP2p() {
        return withP2p("");
    }

    private static GranaryConfig withP2p(String listen) {
        return new GranaryConfig(new ApiConfig("127.0.0.1", 0, 4L << 20), new StoreConfig("", 4), new P2pConfig(listen),
                new LogConfig("info"));
    }
}
