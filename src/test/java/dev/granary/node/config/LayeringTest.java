package dev.granary.node.config;

import dev.granary.api.ApiConfig;
import dev.granary.p2p.P2pConfig;
import dev.granary.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class LayeringTest {
    static final GranaryConfig DOCUMENTED_DEFAULTS = new GranaryConfig(
            new ApiConfig("127.0.0.1", 3051, 4L * 1024 * 1024),
            new StoreConfig("", 4),
            new P2pConfig("/ip4/0.0.0.0/tcp/24001"),
            new LogConfig("info"));

    static ConfigFixture fixture;

    @TempDir
    Path dir;

    /** The extension closes the class-scoped Vertx it injects here. */
    @BeforeAll
    static void fixture(Vertx vertx) {
        fixture = new ConfigFixture(vertx);
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        assertEquals(DOCUMENTED_DEFAULTS, ConfigLoader.defaults(fixture.vertx()).await());
        assertEquals(DOCUMENTED_DEFAULTS, fixture.load(null, Map.of(), Map.of()));
    }

    @Test
    void repoFileOverridesDefaultsKeyByKey() {
        Path file = ConfigFixture.writeRepoFile(dir, """
                api:
                  listen: 0.0.0.0:4000
                store:
                  pool-size: 8
                log:
                  level: debug
                """);
        GranaryConfig config = fixture.load(file, Map.of(), Map.of());
        assertEquals(new ApiConfig("0.0.0.0", 4000, 4194304), config.api());
        assertEquals(new StoreConfig("", 8), config.store());
        assertEquals(new LogConfig("debug"), config.log());
        assertEquals(DOCUMENTED_DEFAULTS.p2p(), config.p2p());
    }

    @Test
    void environmentOverridesRepoFile() {
        Path file = ConfigFixture.writeRepoFile(dir, """
                api:
                  listen: 0.0.0.0:4000
                  max-body-bytes: 1024
                store:
                  pool-size: 8
                """);
        GranaryConfig config = fixture.load(file, Map.of(
                "GRANARY_API_LISTEN", "10.0.0.1:5000",
                "GRANARY_STORE_POOL_SIZE", "16",
                "GRANARY_P2P_LISTEN", "/ip4/10.0.0.1/tcp/24002"), Map.of());
        assertEquals(new ApiConfig("10.0.0.1", 5000, 1024), config.api());
        assertEquals(16, config.store().poolSize());
        assertEquals("/ip4/10.0.0.1/tcp/24002", config.p2p().listen());
    }

    @Test
    void commandLineOverridesEnvironment() {
        Path file = ConfigFixture.writeRepoFile(dir, "log:\n  level: warn\n");
        GranaryConfig config = fixture.load(file,
                Map.of("GRANARY_API_MAX_BODY_BYTES", "1MiB", "GRANARY_LOG_LEVEL", "debug",
                        "GRANARY_STORE_URL", "postgres://env@db/granary"),
                Map.of("api.max-body-bytes", "2MiB", "log.level", "trace"));
        assertEquals(2L * 1024 * 1024, config.api().maxBodyBytes());
        assertEquals("trace", config.log().level());
        assertEquals("postgres://env@db/granary", config.store().url());
    }

    @Test
    void sourcesNameTheLayerEachValueCameFrom() {
        Path file = ConfigFixture.writeRepoFile(dir, "store:\n  pool-size: 8\n");
        LoadedConfig loaded = ConfigLoader.loadWithSources(fixture.vertx(), new ConfigSources(file,
                Map.of("GRANARY_LOG_LEVEL", "warn"), Map.of("api.listen", "127.0.0.1:0"))).await();
        assertEquals(Map.of(
                "api.listen", "command line",
                "api.max-body-bytes", "defaults (bundled granary.yaml)",
                "store.url", "defaults (bundled granary.yaml)",
                "store.pool-size", "file " + file.toAbsolutePath(),
                "p2p.listen", "defaults (bundled granary.yaml)",
                "log.level", "env GRANARY_LOG_LEVEL"), withoutChainAndP2pLimitKeys(loaded.sources()));
        assertEquals("defaults (bundled granary.yaml)", loaded.sources().get("p2p.idle-timeout"));
        assertEquals("defaults (bundled granary.yaml)", loaded.sources().get("chain.devnet.block-time"));
    }

    private static Map<String, String> withoutChainAndP2pLimitKeys(Map<String, String> sources) {
        Map<String, String> rest = new java.util.HashMap<>(sources);
        rest.keySet().removeIf(path -> path.startsWith("chain.") || path.startsWith("p2p.") && !path.equals("p2p.listen"));
        return rest;
    }

    @Test
    void portZeroIsAllowed() {
        assertEquals(0, fixture.load(null, Map.of(), Map.of("api.listen", "127.0.0.1:0")).api().port());
    }

    @Test
    void ipv6InBracketsIsParsedFromEverySource() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  listen: \"[::1]:3052\"\n");
        assertEquals(new ApiConfig("::1", 3052, 4194304), fixture.load(file, Map.of(), Map.of()).api());
        assertEquals("fe80::1", fixture.load(null, Map.of("GRANARY_API_LISTEN", "[fe80::1]:1"), Map.of()).api().host());
        assertEquals("::", fixture.load(null, Map.of(), Map.of("api.listen", "[::]:0")).api().host());
    }

    @Test
    void yamlNumbersAndQuotedNumbersBothWork() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  max-body-bytes: \"512KiB\"\nstore:\n  pool-size: \"12\"\n");
        GranaryConfig config = fixture.load(file, Map.of(), Map.of());
        assertEquals(512 * 1024, config.api().maxBodyBytes());
        assertEquals(12, config.store().poolSize());
    }

    @Test
    void missingRepoFileMeansNoOverrides() {
        assertEquals(DOCUMENTED_DEFAULTS, fixture.load(dir.resolve("config"), Map.of(), Map.of()));
        assertEquals(dir.resolve("config"), ConfigSources.of(dir, Map.of()).repoConfigFile());
    }

    @Test
    void commentedOutRepoFileAndEmptySectionsMeanNoOverrides() {
        Path file = ConfigFixture.writeRepoFile(dir, "# api:\n#   listen: 0.0.0.0:1\n");
        assertEquals(DOCUMENTED_DEFAULTS, fixture.load(file, Map.of(), Map.of()));
        ConfigFixture.writeRepoFile(dir, "api:\n  # listen: 0.0.0.0:1\nstore:\n");
        assertEquals(DOCUMENTED_DEFAULTS, fixture.load(file, Map.of(), Map.of()));
        ConfigFixture.writeRepoFile(dir, "");
        assertEquals(DOCUMENTED_DEFAULTS, fixture.load(file, Map.of(), Map.of()));
    }

    @Test
    void nullYamlValueMeansEmptyForKeysWhereEmptyIsMeaningful() {
        Path file = ConfigFixture.writeRepoFile(dir, "store:\n  url:\np2p:\n  listen:\n");
        GranaryConfig config = fixture.load(file,
                Map.of("GRANARY_STORE_URL", "postgres://a@b/c"), Map.of());
        assertEquals("postgres://a@b/c", config.store().url());
        assertEquals("", config.p2p().listen());
    }

    @Test
    void clientSideAndUnrelatedEnvironmentVariablesAreIgnored() {
        assertEquals(DOCUMENTED_DEFAULTS, fixture.load(null, Map.of(
                "GRANARY_API", "http://127.0.0.1:3051",
                "GRANARY_TOKEN", "secret",
                "GRANARY_REPO", "/var/lib/granary",
                "PATH", "/usr/bin",
                "granary_api_listen", "nonsense"), Map.of()));
    }

    @Test
    void effectiveConfigRoundTripsThroughTheRepoFileFormat() {
        GranaryConfig custom = fixture.load(null, Map.of(), Map.of(
                "api.listen", "[::1]:0", "api.max-body-bytes", "1GiB",
                "store.url", "postgresql://u:p@db:5433/g", "store.pool-size", "64",
                "p2p.listen", "/dns4/example.com/tcp/1/ws", "log.level", "ERROR"));
        Path file = ConfigFixture.writeRepoFile(dir, ConfigJson.toJson(custom).encodePrettily());
        assertEquals(custom, fixture.load(file, Map.of(), Map.of()));
        assertEquals("error", custom.log().level());
    }

    @Test
    void annotatedYamlShowsSourcesAndMasksThePassword() {
        LoadedConfig loaded = ConfigLoader.loadWithSources(fixture.vertx(), new ConfigSources(null,
                Map.of("GRANARY_STORE_URL", "postgres://granary:hunter2@db/granary"), Map.of())).await();
        String yaml = loaded.toAnnotatedYaml();
        assertTrue(yaml.contains("  url: \"postgres://granary:***@db/granary\"  # env GRANARY_STORE_URL\n"), yaml);
        assertTrue(yaml.contains("  listen: \"127.0.0.1:3051\"  # defaults (bundled granary.yaml)\n"), yaml);
        assertTrue(yaml.contains("  pool-size: 4  # defaults"), yaml);
        assertTrue(!yaml.contains("hunter2"), yaml);
    }
}
