package dev.granary.node.config;

import dev.granary.chain.devnet.DevnetConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain section: defaults, every layer for the grouped devnet keys, and refusals that name the key. */
@ExtendWith(VertxExtension.class)
class ChainKeysTest {
    static ConfigFixture fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixture(Vertx vertx) {
        fixture = new ConfigFixture(vertx);
    }

    @Test
    void defaultsRunTheDevnetAsDocumented() {
        ChainConfig chain = fixture.load(null, Map.of(), Map.of()).chain();
        assertEquals(ChainConfig.DEVNET_DEFAULTS, chain);
        assertTrue(chain.devnetMode());
        assertEquals(Duration.ofSeconds(1), chain.devnet().blockTime());
        assertEquals(2048, chain.devnet().sectorSize());
        assertEquals(10, chain.devnet().policy().preCommitChallengeDelay());
        assertEquals("granary-devnet", chain.devnet().seed());
        assertEquals(1, chain.devnet().inclusionDelay());
    }

    @Test
    void devnetKeysReadDottedOrNestedFromTheRepoFile() {
        Path dotted = ConfigFixture.writeRepoFile(dir, """
                chain:
                  devnet.block-time: 0
                  devnet.sector-size: 32GiB
                """);
        DevnetConfig fromDotted = fixture.load(dotted, Map.of(), Map.of()).chain().devnet();
        assertTrue(fromDotted.manualClock());
        assertEquals(32L << 30, fromDotted.sectorSize());

        Path nested = ConfigFixture.writeRepoFile(dir, """
                chain:
                  devnet:
                    block-time: 250ms
                    pre-commit-challenge-delay: 3
                    seed: other
                """);
        DevnetConfig fromNested = fixture.load(nested, Map.of(), Map.of()).chain().devnet();
        assertEquals(Duration.ofMillis(250), fromNested.blockTime());
        assertEquals(3, fromNested.policy().preCommitChallengeDelay());
        assertEquals(3 + 2880, fromNested.policy().maxProveCommitDuration(), "a devnet day after the seed");
        assertEquals("other", fromNested.seed());
    }

    @Test
    void environmentAndCommandLineSetGroupedKeys() {
        GranaryConfig config = fixture.load(null,
                Map.of("GRANARY_CHAIN_DEVNET_BLOCK_TIME", "0", "GRANARY_CHAIN_DEVNET_INCLUSION_DELAY", "3"),
                Map.of("chain.devnet.seed", "from-cli"));
        assertTrue(config.chain().devnet().manualClock());
        assertEquals(3, config.chain().devnet().inclusionDelay());
        assertEquals("from-cli", config.chain().devnet().seed());
    }

    @Test
    void aChainUrlLeavesDevnetMode() {
        GranaryConfig config = fixture.load(null, Map.of("GRANARY_CHAIN_TOKEN", "eyJ.x.y"),
                Map.of("chain.url", "http://127.0.0.1:1234/rpc/v1"));
        assertFalse(config.chain().devnetMode());
        assertEquals("eyJ.x.y", config.chain().token());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertEquals("chain.devnet.sector-size: \"4KiB\" is not one of 2KiB, 8MiB, 512MiB, 32GiB or 64GiB; "
                        + "4096 bytes is not a sector size (source: command line)",
                fixture.problem(null, Map.of(), Map.of("chain.devnet.sector-size", "4KiB")));
        assertTrue(fixture.problem(null, Map.of(), Map.of("chain.devnet.block-time", "5"))
                .contains("give a unit: ms, s, m or h"));
        assertTrue(fixture.problem(null, Map.of(), Map.of("chain.devnet.block-time", "2h"))
                .contains("at most 60 minutes"));
        assertTrue(fixture.problem(null, Map.of(), Map.of("chain.url", "ftp://node"))
                .contains("the scheme must be http, https, ws or wss"));
        assertTrue(fixture.problem(null, Map.of(), Map.of("chain.devnet.pre-commit-challenge-delay", "0"))
                .startsWith("chain.devnet.pre-commit-challenge-delay: \"0\" is not an integer from 1 to 10000"));
        assertEquals("chain.devnet.blok-time: unknown key (source: command line); did you mean chain.devnet.block-time?",
                fixture.problem(null, Map.of(), Map.of("chain.devnet.blok-time", "1s")));
        assertEquals("chain.seed: unknown key (source: command line); did you mean chain.devnet.seed?",
                fixture.problem(null, Map.of(), Map.of("chain.seed", "x")));
    }

    @Test
    void theTokenIsNeverEchoed() {
        String problem = fixture.problem(null, Map.of("GRANARY_CHAIN_TOKEN", "secret part"), Map.of());
        assertFalse(problem.contains("secret"), problem);
        LoadedConfig loaded = ConfigLoader.loadWithSources(fixture.vertx(), new ConfigSources(null,
                Map.of("GRANARY_CHAIN_TOKEN", "hunter2"), Map.of())).await();
        String yaml = loaded.toAnnotatedYaml();
        assertTrue(yaml.contains("  token: \"***\"  # env GRANARY_CHAIN_TOKEN\n"), yaml);
        assertFalse(yaml.contains("hunter2"), yaml);
    }

    @Test
    void theChainSectionRoundTripsThroughTheRepoFileFormat() {
        GranaryConfig custom = fixture.load(null, Map.of(), Map.of("chain.devnet.block-time", "1500ms",
                "chain.devnet.sector-size", "8MiB", "chain.devnet.seed", "s", "chain.devnet.inclusion-delay", "2",
                "chain.devnet.pre-commit-challenge-delay", "7"));
        Path file = ConfigFixture.writeRepoFile(dir, ConfigJson.toJson(custom).encodePrettily());
        assertEquals(custom, fixture.load(file, Map.of(), Map.of()));
    }
}
