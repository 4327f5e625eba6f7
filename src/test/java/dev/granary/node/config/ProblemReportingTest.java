package dev.granary.node.config;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class ProblemReportingTest {
    static ConfigFixture fixture;

    @TempDir
    Path dir;

    /** The extension closes the class-scoped Vertx it injects here. */
    @BeforeAll
    static void fixture(Vertx vertx) {
        fixture = new ConfigFixture(vertx);
    }

    private String fileSource(Path file) {
        return "(source: file " + file.toAbsolutePath() + ")";
    }

    @Test
    void unknownNestedKeyInFileIsNamedWithSourceAndSuggestion() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  lissten: 0.0.0.0:1\n");
        assertEquals("api.lissten: unknown key " + fileSource(file) + "; did you mean api.listen?",
                fixture.problem(file, Map.of(), Map.of()));
    }

    @Test
    void unknownTopLevelKeyInFileIsNamedWithSuggestion() {
        Path file = ConfigFixture.writeRepoFile(dir, "stor:\n  url: \"\"\n");
        assertEquals("stor: unknown key " + fileSource(file) + "; did you mean store?",
                fixture.problem(file, Map.of(), Map.of()));
    }

    @Test
    void unknownKeyFarFromAnyKnownOneGetsNoSuggestion() {
        Path file = ConfigFixture.writeRepoFile(dir, "metrics:\n  enabled: true\n");
        assertEquals("metrics: unknown key " + fileSource(file), fixture.problem(file, Map.of(), Map.of()));
    }

    @Test
    void keyInTheWrongSectionOrSpellingPointsAtTheRightOne() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  pool-size: x\nstore:\n  pool_size: 2\n");
        List<String> problems = fixture.problems(file, Map.of(), Map.of());
        assertTrue(problems.contains("api.pool-size: unknown key " + fileSource(file) + "; did you mean store.pool-size?"),
                problems.toString());
        assertTrue(problems.contains("store.pool_size: unknown key " + fileSource(file) + "; did you mean store.pool-size?"),
                problems.toString());
    }

    @Test
    void dottedKeyAtTopLevelIsToldToNest() {
        Path file = ConfigFixture.writeRepoFile(dir, "api.listen: 0.0.0.0:1\n");
        String problem = fixture.problem(file, Map.of(), Map.of());
        assertTrue(problem.startsWith("api.listen: unknown top-level key " + fileSource(file)), problem);
        assertTrue(problem.endsWith("write it nested, as listen under api:"), problem);
    }

    @Test
    void unknownGranaryEnvironmentVariableNamesTheVariableAndTheKey() {
        assertEquals("api.listn: unknown key (source: env GRANARY_API_LISTN); did you mean GRANARY_API_LISTEN (api.listen)?",
                fixture.problem(null, Map.of("GRANARY_API_LISTN", "127.0.0.1:1"), Map.of()));
        assertEquals("metrics.port: unknown key (source: env GRANARY_METRICS_PORT)",
                fixture.problem(null, Map.of("GRANARY_METRICS_PORT", "9"), Map.of()));
    }

    @Test
    void unknownCommandLineKeyIsNamed() {
        assertEquals("log.levle: unknown key (source: command line); did you mean log.level?",
                fixture.problem(null, Map.of(), Map.of("log.levle", "info")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            api.listen         | localhost             | "localhost" is not HOST:PORT
            api.listen         | 127.0.0.1:65536       | the port must be a number from 0 to 65535
            api.listen         | ::1:3051              | write an IPv6 host in brackets
            api.listen         | [zz::1]:3051          | the part in brackets is not an IPv6 address
            api.listen         | bad_host:1            | the host is not a hostname or IP address
            api.listen         | 300.1.1.1:1           | the host is not a hostname or IP address
            api.max-body-bytes | lots                  | "lots" is not a size in bytes
            api.max-body-bytes | 4MB                   | use the binary units KiB, MiB, GiB or TiB
            api.max-body-bytes | 0                     | it must be at least 1 byte
            api.max-body-bytes | 99999999999TiB        | it is too large
            store.url          | mysql://db/granary    | "mysql://db/granary" is not empty (embedded SQLite) or a postgres://
            store.url          | postgres://db         | no user
            store.url          | postgres://u@db       | no database name after the host
            store.pool-size    | 0                     | "0" is not an integer from 1 to 64
            store.pool-size    | 65                    | "65" is not an integer from 1 to 64
            store.pool-size    | four                  | "four" is not an integer from 1 to 64
            p2p.listen         | ip4/0.0.0.0/tcp/1     | is not empty or a multiaddr like /ip4/0.0.0.0/tcp/24001
            p2p.listen         | /udp/1.2.3.4/tcp/1    | it must start with /ip4, /ip6, /dns, /dns4 or /dns6
            p2p.listen         | /ip4/1.2.3/tcp/1      | the address is not valid for /ip4
            p2p.listen         | /ip4/1.2.3.4/udp/1    | the address must be followed by /tcp/PORT
            p2p.listen         | /ip4/1.2.3.4/tcp/x    | the TCP port must be a number from 0 to 65535
            log.level          | verbose               | "verbose" is not one of error, warn, info, debug, trace
            """)
    void invalidValueNamesKeyValueExpectationAndSourceForEachSource(String path, String value, String explanation) {
        ConfigKey<?> key = KeySchema.byPath(path).orElseThrow();
        String fromEnv = fixture.problem(null, Map.of(key.envVar(), value), Map.of());
        assertInvalid(fromEnv, key, value, explanation, "(source: env " + key.envVar() + ")");

        String fromCli = fixture.problem(null, Map.of(), Map.of(path, value));
        assertInvalid(fromCli, key, value, explanation, "(source: command line)");

        Path file = ConfigFixture.writeRepoFile(dir, key.section() + ":\n  " + key.name() + ": \"" + value + "\"\n");
        assertInvalid(fixture.problem(file, Map.of(), Map.of()), key, value, explanation, fileSource(file));
    }

    private static void assertInvalid(String problem, ConfigKey<?> key, String value, String explanation, String source) {
        assertTrue(problem.startsWith(key.path() + ": \"" + value + "\" is not " + key.expected()), problem);
        assertTrue(problem.contains(explanation), problem);
        assertTrue(problem.endsWith(source), problem);
    }

    @Test
    void theExampleFromTheSpecificationReadsExactly() {
        assertEquals("api.listen: \"localhost\" is not HOST:PORT (source: env GRANARY_API_LISTEN)",
                fixture.problem(null, Map.of("GRANARY_API_LISTEN", "localhost"), Map.of()));
    }

    @Test
    void passwordsNeverAppearInProblems() {
        String problem = fixture.problem(null, Map.of(), Map.of("store.url", "postgres://u:hunter2@db"));
        assertTrue(problem.startsWith("store.url: \"postgres://u:***@db\""), problem);
        assertFalse(problem.contains("hunter2"), problem);
    }

    @Test
    void allProblemsAreReportedTogetherOnePerLine() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  lissten: x\n  max-body-bytes: huge\nbogus: 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> fixture.load(file,
                Map.of("GRANARY_LOG_LEVEL", "loud", "GRANARY_X_Y", "1"), Map.of("store.pool-size", "0")));
        List<String> problems = e.problems();
        assertEquals(6, problems.size(), problems.toString());
        for (String expected : List.of("api.lissten:", "bogus:", "x.y:", "api.max-body-bytes:", "store.pool-size:", "log.level:")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), expected + " missing in " + problems);
        }
        assertEquals(String.join("\n", problems), e.getMessage());
        assertEquals(6, e.getMessage().lines().count());
    }

    @Test
    void badValueOverriddenByALaterLayerIsHarmless() {
        Path file = ConfigFixture.writeRepoFile(dir, "store:\n  pool-size: 999\n");
        assertEquals(5, fixture.load(file, Map.of("GRANARY_STORE_POOL_SIZE", "5"), Map.of()).store().poolSize());
    }

    @Test
    void sectionGivenAScalarIsReported() {
        Path file = ConfigFixture.writeRepoFile(dir, "api: 3051\n");
        assertEquals("api: \"3051\" is not a section; expected a mapping of listen, max-body-bytes " + fileSource(file),
                fixture.problem(file, Map.of(), Map.of()));
    }

    @Test
    void keyGivenAMappingOrListIsReported() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  listen:\n    host: x\nlog:\n  level: [info]\n");
        List<String> problems = fixture.problems(file, Map.of(), Map.of());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("api.listen: a mapping is not HOST:PORT"), problems.get(0));
        assertTrue(problems.get(1).startsWith("log.level: a list is not one of"), problems.get(1));
        assertTrue(problems.get(1).endsWith(fileSource(file)), problems.get(1));
    }

    @Test
    void malformedYamlNamesTheFileAndThePosition() {
        Path file = ConfigFixture.writeRepoFile(dir, "api:\n  listen: [::1]:3051\n");
        String problem = fixture.problem(file, Map.of(), Map.of());
        assertTrue(problem.startsWith("file " + file.toAbsolutePath() + ": not valid YAML at line 2, column 12: "), problem);
        assertTrue(problem.endsWith("; quote values that contain [ ] { } or ': '"), problem);
        assertEquals(1, problem.lines().count(), problem);
    }

    @Test
    void yamlThatIsNotAMappingNamesTheFile() {
        Path file = ConfigFixture.writeRepoFile(dir, "- api\n- store\n");
        assertEquals("file " + file.toAbsolutePath() + ": not a YAML mapping of sections; expected top-level keys api, store, p2p, chain, log",
                fixture.problem(file, Map.of(), Map.of()));
    }

    @Test
    void unreadableRepoFileNamesTheFile() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("config"));
        String problem = fixture.problem(notAFile, Map.of(), Map.of());
        assertTrue(problem.startsWith("file " + notAFile.toAbsolutePath() + ": cannot be read: "), problem);
    }

    @Test
    void problemsInFileAndEnvironmentAreReportedTogether() {
        Path file = ConfigFixture.writeRepoFile(dir, "api: [\n");
        List<String> problems = fixture.problems(file, Map.of("GRANARY_LOG_LEVEL", "x"), Map.of());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("not valid YAML"), problems.get(0));
        assertTrue(problems.get(1).startsWith("log.level:"), problems.get(1));
    }
}
