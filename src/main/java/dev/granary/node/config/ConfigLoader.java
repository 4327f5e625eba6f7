package dev.granary.node.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;

/**
 * Builds the node configuration from, later winning key by key: the defaults bundled from
 * conf/granary.yaml, the repo's YAML file, GRANARY_SECTION_KEY environment variables and command-line
 * overrides. Any unknown key or invalid value fails the load with a {@link ConfigException} listing
 * all of them, since starting with a setting silently ignored is worse than not starting.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Fails with {@link ConfigException} when the configuration cannot be used. */
    public static Future<GranaryConfig> load(Vertx vertx, ConfigSources sources) {
        return loadWithSources(vertx, sources).map(LoadedConfig::config);
    }

    /** As {@link #load}, also telling where each value came from (for {@code granary config show}). */
    public static Future<LoadedConfig> loadWithSources(Vertx vertx, ConfigSources sources) {
        Future<Layer> defaults = YamlLayer.readDefaults(vertx);
        Future<Layer> repoFile = sources.repoConfigFile() == null
                ? Future.succeededFuture(Layer.EMPTY)
                // Absolute, so Vert.x never falls back to a same-named classpath resource.
                : YamlLayer.readRepoFile(vertx, sources.repoConfigFile().toAbsolutePath().toString());
        return Future.all(defaults, repoFile).compose(read -> {
            try {
                return Future.succeededFuture(ConfigAssembler.assemble(List.of(defaults.result(), repoFile.result(),
                        StringLayers.fromEnv(sources.env()), StringLayers.fromCli(sources.cliOverrides()))));
            } catch (ConfigException e) {
                return Future.failedFuture(e);
            }
        });
    }

    /** The bundled defaults alone, for embedders and tests. */
    public static Future<GranaryConfig> defaults(Vertx vertx) {
        return load(vertx, ConfigSources.none());
    }
}
