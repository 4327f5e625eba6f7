package dev.granary.node.config;

import dev.granary.chain.devnet.DevnetConfig;
import io.vertx.core.json.JsonObject;

/**
 * The typed config back in the repo-file shape (same sections and kebab-case keys), so the output can
 * be saved as {@code <repo>/config} and loads to an equal config. Values are exact, secrets included:
 * mask store.url before showing it to anyone.
 */
public final class ConfigJson {
    private ConfigJson() {
    }

    /** Devnet keys are written dotted (devnet.block-time), the spelling conf/granary.yaml documents. */
    private static JsonObject chain(ChainConfig chain) {
        DevnetConfig devnet = chain.devnet();
        return new JsonObject()
                .put(KeySchema.CHAIN_URL.name(), chain.url())
                .put(KeySchema.CHAIN_TOKEN.name(), chain.token())
                .put(KeySchema.CHAIN_DEVNET_BLOCK_TIME.name(), devnet.blockTime().toMillis() + "ms")
                .put(KeySchema.CHAIN_DEVNET_SECTOR_SIZE.name(), devnet.sectorSize())
                .put(KeySchema.CHAIN_DEVNET_PRE_COMMIT_CHALLENGE_DELAY.name(), devnet.policy().preCommitChallengeDelay())
                .put(KeySchema.CHAIN_DEVNET_SEED.name(), devnet.seed())
                .put(KeySchema.CHAIN_DEVNET_INCLUSION_DELAY.name(), devnet.inclusionDelay());
    }

    public static JsonObject toJson(GranaryConfig config) {
        return new JsonObject()
                .put("api", new JsonObject()
                        .put(KeySchema.API_LISTEN.name(), new HostPort(config.api().host(), config.api().port()).toString())
                        .put(KeySchema.API_MAX_BODY_BYTES.name(), config.api().maxBodyBytes()))
                .put("store", new JsonObject()
                        .put(KeySchema.STORE_URL.name(), config.store().url())
                        .put(KeySchema.STORE_POOL_SIZE.name(), config.store().poolSize()))
                .put("p2p", new JsonObject()
                        .put(KeySchema.P2P_LISTEN.name(), config.p2p().listen())
                        .put(KeySchema.P2P_MAX_CONNECTIONS.name(), config.p2p().maxConnections())
                        .put(KeySchema.P2P_MAX_STREAMS_PER_CONNECTION.name(), config.p2p().maxStreamsPerConnection())
                        .put(KeySchema.P2P_HANDSHAKE_TIMEOUT.name(), config.p2p().handshakeTimeout().toMillis() + "ms")
                        .put(KeySchema.P2P_IDLE_TIMEOUT.name(), config.p2p().idleTimeout().toMillis() + "ms"))
                .put("chain", chain(config.chain()))
                .put("log", new JsonObject()
                        .put(KeySchema.LOG_LEVEL.name(), config.log().level()));
    }
}
