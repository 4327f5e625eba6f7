package dev.granary.node.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Inputs to {@link ConfigLoader}, lowest precedence first after the bundled defaults.
 *
 * @param repoConfigFile the repo's YAML file; null, or a path that does not exist, for none
 * @param env            environment variables; only GRANARY_ names are looked at
 * @param cliOverrides   dotted key path to value, e.g. {@code api.listen -> 127.0.0.1:0}
 */
public record ConfigSources(Path repoConfigFile, Map<String, String> env, Map<String, String> cliOverrides) {
    /** The repo file's name inside the repo directory. */
    public static final String REPO_CONFIG_FILE_NAME = "config";

    public ConfigSources {
        env = env == null ? Map.of() : Map.copyOf(env);
        cliOverrides = cliOverrides == null ? Map.of() : Map.copyOf(cliOverrides);
    }

    /** What a running node uses: {@code <repoDir>/config} and the process environment. */
    public static ConfigSources of(Path repoDir, Map<String, String> cliOverrides) {
        Path file = repoDir == null ? null : repoDir.resolve(REPO_CONFIG_FILE_NAME);
        return new ConfigSources(file, System.getenv(), cliOverrides);
    }

    /** Nothing beyond the bundled defaults. */
    public static ConfigSources none() {
        return new ConfigSources(null, Map.of(), Map.of());
    }
}
