package dev.granary.node.config;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The effective configuration together with where each value came from.
 *
 * @param config  the typed configuration
 * @param sources key path (e.g. {@code api.listen}) to source (e.g. {@code env GRANARY_API_LISTEN})
 */
public record LoadedConfig(GranaryConfig config, Map<String, String> sources) {

    public LoadedConfig {
        sources = Map.copyOf(sources);
    }

    /**
     * YAML in the repo-file format, each key annotated with its source, secrets masked: meant for
     * {@code granary config show}. Strings are double-quoted (JSON syntax, which YAML accepts).
     */
    public String toAnnotatedYaml() {
        JsonObject json = ConfigJson.toJson(config);
        StringBuilder out = new StringBuilder();
        for (String section : KeySchema.sections()) {
            out.append(section).append(":\n");
            for (ConfigKey<?> key : KeySchema.keysIn(section)) {
                Object value = json.getJsonObject(section).getValue(key.name());
                String shown = value instanceof String text ? Json.encode(key.display(text)) : String.valueOf(value);
                out.append("  ").append(key.name()).append(": ").append(shown)
                        .append("  # ").append(sources.get(key.path())).append('\n');
            }
        }
        return out.toString();
    }
}
