package dev.granary.node.config;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** Shorthands shared by the loader tests: write a repo file, load, expect problems. */
final class ConfigFixture {
    private final Vertx vertx;

    ConfigFixture(Vertx vertx) {
        this.vertx = vertx;
    }

    Vertx vertx() {
        return vertx;
    }

    static Path writeRepoFile(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve(ConfigSources.REPO_CONFIG_FILE_NAME), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GranaryConfig load(Path repoFile, Map<String, String> env, Map<String, String> cli) {
        return ConfigLoader.load(vertx, new ConfigSources(repoFile, env, cli)).await();
    }

    List<String> problems(Path repoFile, Map<String, String> env, Map<String, String> cli) {
        try {
            GranaryConfig config = load(repoFile, env, cli);
            return fail("expected a ConfigException, got " + config);
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    /** The single problem, asserting there is exactly one. */
    String problem(Path repoFile, Map<String, String> env, Map<String, String> cli) {
        List<String> problems = problems(repoFile, env, cli);
        if (problems.size() != 1) {
            fail("expected one problem, got " + problems);
        }
        return problems.get(0);
    }
}
