package dev.granary.node.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every key Granary understands. conf/granary.yaml documents the same set and supplies the defaults;
 * a test keeps the two in step.
 */
public final class KeySchema {
    static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

    public static final ConfigKey<HostPort> API_LISTEN = new ConfigKey<>("api", "listen",
            "HOST:PORT", "address of the HTTP API (port 0 picks a free port)", false, ValueParsers::hostPort);
    public static final ConfigKey<Long> API_MAX_BODY_BYTES = new ConfigKey<>("api", "max-body-bytes",
            "a size in bytes such as 4194304, 512KiB, 4MiB or 1GiB",
            "largest accepted request body; larger ones get 413", false, ValueParsers::byteSize);
    public static final ConfigKey<String> STORE_URL = new ConfigKey<>("store", "url",
            "empty (embedded SQLite) or a postgres://user[:password]@host[:port]/database URL",
            "where deals and node metadata are kept", true, ValueParsers::postgresUrlOrEmpty);
    public static final ConfigKey<Integer> STORE_POOL_SIZE = new ConfigKey<>("store", "pool-size",
            "an integer from 1 to 64", "Postgres connections kept open", false, ValueParsers.integerIn(1, 64));
    public static final ConfigKey<String> P2P_LISTEN = new ConfigKey<>("p2p", "listen",
            "empty or a multiaddr like /ip4/0.0.0.0/tcp/24001",
            "libp2p listen address; empty means no libp2p listener", false, ValueParsers::multiaddrOrEmpty);
    public static final ConfigKey<Integer> P2P_MAX_CONNECTIONS = new ConfigKey<>("p2p", "max-connections",
            "an integer from 1 to 65536", "libp2p connections, inbound plus outbound", false,
            ValueParsers.integerIn(1, 65536));
    public static final ConfigKey<Integer> P2P_MAX_STREAMS_PER_CONNECTION = new ConfigKey<>("p2p",
            "max-streams-per-connection", "an integer from 1 to 4096",
            "yamux streams each side may open on one connection", false, ValueParsers.integerIn(1, 4096));
    public static final ConfigKey<Duration> P2P_HANDSHAKE_TIMEOUT = new ConfigKey<>("p2p", "handshake-timeout",
            "a duration such as 10s or 500ms, at most 10 minutes",
            "time for a connection's handshakes and each stream's protocol negotiation", false,
            ValueParsers.positiveDurationUpTo(Duration.ofMinutes(10)));
    public static final ConfigKey<Duration> P2P_IDLE_TIMEOUT = new ConfigKey<>("p2p", "idle-timeout",
            "a duration such as 5m, at most 24 hours", "a silent libp2p connection is closed after this long", false,
            ValueParsers.positiveDurationUpTo(Duration.ofHours(24)));
    public static final ConfigKey<String> CHAIN_URL = new ConfigKey<>("chain", "url",
            "empty (the embedded devnet) or an http://, https://, ws:// or wss:// URL of a Lotus JSON-RPC API",
            "the chain node to follow; empty runs the embedded devnet", true, ValueParsers::chainUrlOrEmpty);
    public static final ConfigKey<String> CHAIN_TOKEN = new ConfigKey<>("chain", "token",
            "empty or an API token (a lotus JWT) without whitespace",
            "bearer token for chain.url", true, ValueParsers::tokenOrEmpty);
    public static final ConfigKey<Duration> CHAIN_DEVNET_BLOCK_TIME = new ConfigKey<>("chain",
            "devnet.block-time", "a duration such as 1s, 500ms or 2m, or 0 for a manual clock",
            "wall time between devnet epochs; 0 advances only on request", false,
            ValueParsers.durationUpTo(Duration.ofHours(1)));
    public static final ConfigKey<Long> CHAIN_DEVNET_SECTOR_SIZE = new ConfigKey<>("chain", "devnet.sector-size",
            "one of 2KiB, 8MiB, 512MiB, 32GiB or 64GiB", "sector size of the devnet miner", false,
            ValueParsers::sectorSize);
    public static final ConfigKey<Integer> CHAIN_DEVNET_PRE_COMMIT_CHALLENGE_DELAY = new ConfigKey<>("chain",
            "devnet.pre-commit-challenge-delay", "an integer from 1 to 10000",
            "epochs between a pre-commit and its interactive seed", false, ValueParsers.integerIn(1, 10000));
    public static final ConfigKey<String> CHAIN_DEVNET_SEED = new ConfigKey<>("chain", "devnet.seed",
            "a non-empty text of at most 256 characters",
            "text the devnet's tipset CIDs and randomness derive from", false, ValueParsers::seed);
    public static final ConfigKey<Integer> CHAIN_DEVNET_INCLUSION_DELAY = new ConfigKey<>("chain",
            "devnet.inclusion-delay", "an integer from 1 to 100",
            "epochs between pushing a message and the epoch that executes it", false, ValueParsers.integerIn(1, 100));
    public static final ConfigKey<String> LOG_LEVEL = new ConfigKey<>("log", "level",
            "one of " + String.join(", ", LOG_LEVELS), "root log level", false, ValueParsers.oneOf(LOG_LEVELS));

    public static final List<ConfigKey<?>> KEYS =
            List.of(API_LISTEN, API_MAX_BODY_BYTES, STORE_URL, STORE_POOL_SIZE, P2P_LISTEN, P2P_MAX_CONNECTIONS,
                    P2P_MAX_STREAMS_PER_CONNECTION, P2P_HANDSHAKE_TIMEOUT, P2P_IDLE_TIMEOUT, CHAIN_URL, CHAIN_TOKEN,
                    CHAIN_DEVNET_BLOCK_TIME, CHAIN_DEVNET_SECTOR_SIZE, CHAIN_DEVNET_PRE_COMMIT_CHALLENGE_DELAY,
                    CHAIN_DEVNET_SEED, CHAIN_DEVNET_INCLUSION_DELAY, LOG_LEVEL);

    private static final Map<String, ConfigKey<?>> BY_PATH =
            KEYS.stream().collect(Collectors.toUnmodifiableMap(ConfigKey::path, key -> key));
    private static final Map<String, ConfigKey<?>> BY_ENV_VAR =
            KEYS.stream().collect(Collectors.toUnmodifiableMap(ConfigKey::envVar, key -> key));

    private KeySchema() {
    }

    public static Optional<ConfigKey<?>> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** The key an environment variable sets, e.g. GRANARY_CHAIN_DEVNET_BLOCK_TIME for chain.devnet.block-time. */
    public static Optional<ConfigKey<?>> byEnvVar(String name) {
        return Optional.ofNullable(BY_ENV_VAR.get(name));
    }

    /** True when {@code path} names a group of keys (chain.devnet), not a key itself. */
    static boolean isGroup(String path) {
        return !BY_PATH.containsKey(path) && KEYS.stream().anyMatch(key -> key.path().startsWith(path + "."));
    }

    /** Section names in documentation order. */
    public static List<String> sections() {
        return KEYS.stream().map(ConfigKey::section).distinct().toList();
    }

    public static List<ConfigKey<?>> keysIn(String section) {
        return KEYS.stream().filter(key -> key.section().equals(section)).toList();
    }
}
