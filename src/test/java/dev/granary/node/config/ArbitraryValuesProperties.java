package dev.granary.node.config;

import io.vertx.core.Vertx;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever an operator types, the loader answers with a config or with problems about that key. */
class ArbitraryValuesProperties {
    private static Vertx vertx;

    @BeforeContainer
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterContainer
    static void stopVertx() {
        vertx.close().await();
    }

    @Property(tries = 400)
    void anyCommandLineValueGivesAConfigOrAProblemAboutThatKey(@ForAll("keys") ConfigKey<?> key,
                                                               @ForAll("values") String value) {
        check(key, new ConfigSources(null, Map.of(), Map.of(key.path(), value)));
    }

    @Property(tries = 400)
    void anyEnvironmentValueGivesAConfigOrAProblemAboutThatKey(@ForAll("keys") ConfigKey<?> key,
                                                               @ForAll("values") String value) {
        check(key, new ConfigSources(null, Map.of(key.envVar(), value), Map.of()));
    }

    private static void check(ConfigKey<?> key, ConfigSources sources) {
        try {
            GranaryConfig config = ConfigLoader.load(vertx, sources).await();
            assertTrue(config.api().port() >= 0 && config.api().maxBodyBytes() >= 1
                    && config.store().poolSize() >= 1, config.toString());
        } catch (ConfigException e) {
            List<String> problems = e.problems();
            assertFalse(problems.isEmpty());
            for (String problem : problems) {
                assertTrue(problem.startsWith(key.path() + ": "), problem);
                assertFalse(problem.contains("\n") || problem.contains("\r"), problem);
            }
        }
    }

    @Provide
    Arbitrary<ConfigKey<?>> keys() {
        return Arbitraries.of(KeySchema.KEYS);
    }

    /** Mostly near-misses of valid values, where parsers are most likely to trip, plus plain noise. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> fragments = Arbitraries.of("[", "]", ":", "/", ".", "::", "@", "%", "-", "_", " ", "0",
                "1", "65535", "65536", "255", "256", "ip4", "ip6", "dns4", "tcp", "udp", "postgres://", "postgresql://",
                "KiB", "MiB", "GiB", "TiB", "MB", "9999999999", "127.0.0.1", "localhost", "info", "DEBUG", "\n", "\u0000",
                "\uD800", "é", "٣");
        Arbitrary<String> assembled = fragments.list().ofMaxSize(12).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(noise, assembled);
    }
}
