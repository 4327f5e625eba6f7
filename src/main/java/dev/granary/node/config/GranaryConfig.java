package dev.granary.node.config;

import dev.granary.api.ApiConfig;
import dev.granary.p2p.P2pConfig;
import dev.granary.store.StoreConfig;

/** The whole typed node configuration; one section per subsystem, keys documented in conf/granary.yaml. */
public record GranaryConfig(ApiConfig api, StoreConfig store, P2pConfig p2p, ChainConfig chain, LogConfig log) {

    /** For embedders and tests that do not care about the chain: the default devnet. */
    public GranaryConfig(ApiConfig api, StoreConfig store, P2pConfig p2p, LogConfig log) {
        this(api, store, p2p, ChainConfig.DEVNET_DEFAULTS, log);
    }

    public GranaryConfig withChain(ChainConfig chainConfig) {
        return new GranaryConfig(api, store, p2p, chainConfig, log);
    }
}
