package dev.granary.node.config;

import io.vertx.core.json.JsonObject;

/**
 * The typed config back in the repo-file shape (same sections and kebab-case keys), so the output can
 * be saved as {@code <repo>/config} and loads to an equal config. Values are exact, secrets included:
 * mask store.url before showing it to anyone.
 */
public final class ConfigJson {
    private ConfigJson() {
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
                        .put(KeySchema.P2P_LISTEN.name(), config.p2p().listen()))
                .put("log", new JsonObject()
                        .put(KeySchema.LOG_LEVEL.name(), config.log().level()));
    }
}
