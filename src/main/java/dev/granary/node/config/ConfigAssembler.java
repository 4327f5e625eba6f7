package dev.granary.node.config;

import dev.granary.api.ApiConfig;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.node.config.ValueParser.InvalidValueException;
import dev.granary.p2p.P2pConfig;
import dev.granary.store.StoreConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges layers key by key (later wins), parses each effective value and builds the typed config. */
final class ConfigAssembler {
    private final Map<ConfigKey<?>, Object> parsed = new HashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ConfigAssembler() {
    }

    /** @throws ConfigException listing every problem of every layer and every effective value */
    static LoadedConfig assemble(List<Layer> layersInPrecedenceOrder) {
        ConfigAssembler assembler = new ConfigAssembler();
        Map<String, Setting> effective = new HashMap<>();
        for (Layer layer : layersInPrecedenceOrder) {
            assembler.problems.addAll(layer.problems());
            effective.putAll(layer.settings());
        }
        // Only effective values are parsed: a bad value that a later layer overrides is harmless.
        for (ConfigKey<?> key : KeySchema.KEYS) {
            assembler.parse(key, effective.get(key.path()));
        }
        if (!assembler.problems.isEmpty()) {
            throw new ConfigException(assembler.problems);
        }
        return new LoadedConfig(assembler.build(), assembler.sources);
    }

    private void parse(ConfigKey<?> key, Setting setting) {
        if (setting == null) {
            problems.add(key.path() + ": no source sets it, not even the bundled defaults (a broken build?)");
            return;
        }
        Object raw = setting.value();
        if (raw instanceof JsonObject || raw instanceof JsonArray) {
            problems.add(ProblemText.notScalar(key, raw instanceof JsonObject ? "mapping" : "list", setting.source()));
            return;
        }
        // YAML hands over numbers and booleans; reducing them to text makes every source parse alike.
        String text = raw == null ? "" : raw.toString().strip();
        try {
            parsed.put(key, key.parser().parse(text));
            sources.put(key.path(), setting.source());
        } catch (InvalidValueException e) {
            problems.add(ProblemText.invalidValue(key, text, e.detail(), setting.source()));
        }
    }

    private GranaryConfig build() {
        HostPort api = get(KeySchema.API_LISTEN);
        return new GranaryConfig(
                new ApiConfig(api.host(), api.port(), get(KeySchema.API_MAX_BODY_BYTES)),
                new StoreConfig(get(KeySchema.STORE_URL), get(KeySchema.STORE_POOL_SIZE)),
                new P2pConfig(get(KeySchema.P2P_LISTEN), get(KeySchema.P2P_MAX_CONNECTIONS),
                        get(KeySchema.P2P_MAX_STREAMS_PER_CONNECTION), get(KeySchema.P2P_HANDSHAKE_TIMEOUT),
                        get(KeySchema.P2P_IDLE_TIMEOUT)),
                new ChainConfig(get(KeySchema.CHAIN_URL), get(KeySchema.CHAIN_TOKEN), devnet()),
                new LogConfig(get(KeySchema.LOG_LEVEL)));
    }

    private DevnetConfig devnet() {
        long challengeDelay = get(KeySchema.CHAIN_DEVNET_PRE_COMMIT_CHALLENGE_DELAY);
        return new DevnetConfig(get(KeySchema.CHAIN_DEVNET_BLOCK_TIME), get(KeySchema.CHAIN_DEVNET_SECTOR_SIZE),
                get(KeySchema.CHAIN_DEVNET_SEED), get(KeySchema.CHAIN_DEVNET_INCLUSION_DELAY),
                DevnetPolicy.defaults(challengeDelay));
    }

    @SuppressWarnings("unchecked") // parse() stored key.parser()'s result under key, so the type matches
    private <T> T get(ConfigKey<T> key) {
        return (T) parsed.get(key);
    }
}
