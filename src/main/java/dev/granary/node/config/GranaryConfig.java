package dev.granary.node.config;

import dev.granary.api.ApiConfig;
import dev.granary.p2p.P2pConfig;
import dev.granary.store.StoreConfig;

/** The whole typed node configuration; one section per subsystem, keys documented in conf/granary.yaml. */
public record GranaryConfig(ApiConfig api, StoreConfig store, P2pConfig p2p, LogConfig log) {
}
