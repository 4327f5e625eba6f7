package dev.granary.node.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The environment and command-line layers, whose values are always text. */
final class StringLayers {
    static final String ENV_PREFIX = "GRANARY_";
    static final String CLI_SOURCE = "command line";

    private StringLayers() {
    }

    /**
     * GRANARY_SECTION_KEY_WORDS maps to section.key-words. Names without a key part (GRANARY_API,
     * GRANARY_TOKEN, GRANARY_REPO) are how the CLI client finds a node, not node config, so they are
     * skipped; any other GRANARY_ name must hit a key, because a mistyped override silently ignored
     * is worse than a refusal to start.
     */
    static Layer fromEnv(Map<String, String> env) {
        Map<String, Setting> settings = new HashMap<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(env).forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) {
                return;
            }
            String rest = name.substring(ENV_PREFIX.length());
            int split = rest.indexOf('_');
            if (split < 0) {
                return;
            }
            String source = "env " + name;
            // Looked up by the variable's own name: grouped keys (chain.devnet.block-time) have dots in the
            // key part that the underscores cannot tell apart from dashes.
            Optional<ConfigKey<?>> key = KeySchema.byEnvVar(name);
            String path = key.map(ConfigKey::path).orElse(rest.substring(0, split).toLowerCase(Locale.ROOT) + "."
                    + rest.substring(split + 1).toLowerCase(Locale.ROOT).replace('_', '-'));
            if (key.isPresent()) {
                settings.put(path, new Setting(value, source));
            } else {
                problems.add(ProblemText.unknownKey(path, source,
                        KeySuggestions.suggest(path).map(known -> ConfigKey.envVarFor(known) + " (" + known + ")")));
            }
        });
        return new Layer(settings, problems);
    }

    /** Overrides are dotted paths exactly as in error messages, e.g. api.listen=127.0.0.1:0. */
    static Layer fromCli(Map<String, String> overrides) {
        Map<String, Setting> settings = new HashMap<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(overrides).forEach((path, value) -> {
            if (KeySchema.byPath(path).isPresent()) {
                settings.put(path, new Setting(value, CLI_SOURCE));
            } else {
                problems.add(ProblemText.unknownKey(path, CLI_SOURCE, KeySuggestions.suggest(path)));
            }
        });
        return new Layer(settings, problems);
    }
}
