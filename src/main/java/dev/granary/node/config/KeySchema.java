package dev.granary.node.config;

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
    public static final ConfigKey<String> LOG_LEVEL = new ConfigKey<>("log", "level",
            "one of " + String.join(", ", LOG_LEVELS), "root log level", false, ValueParsers.oneOf(LOG_LEVELS));

    public static final List<ConfigKey<?>> KEYS =
            List.of(API_LISTEN, API_MAX_BODY_BYTES, STORE_URL, STORE_POOL_SIZE, P2P_LISTEN, LOG_LEVEL);

    private static final Map<String, ConfigKey<?>> BY_PATH =
            KEYS.stream().collect(Collectors.toUnmodifiableMap(ConfigKey::path, key -> key));

    private KeySchema() {
    }

    public static Optional<ConfigKey<?>> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Section names in documentation order. */
    public static List<String> sections() {
        return KEYS.stream().map(ConfigKey::section).distinct().toList();
    }

    public static List<ConfigKey<?>> keysIn(String section) {
        return KEYS.stream().filter(key -> key.section().equals(section)).toList();
    }
}
