package dev.granary.node.config;

import dev.granary.store.impl.PostgresUrl;

import java.util.Locale;

/**
 * One setting Granary understands.
 *
 * @param section      top-level YAML section, e.g. {@code api}
 * @param name         kebab-case key inside the section, e.g. {@code max-body-bytes}
 * @param expected     what a valid value looks like, phrased to complete "is not ..."
 * @param description  one line for help and {@code config show} output
 * @param holdsSecret  whether values may embed a password that must be masked when echoed
 * @param parser       the key's type and validation
 */
public record ConfigKey<T>(String section, String name, String expected, String description,
                           boolean holdsSecret, ValueParser<T> parser) {

    /** Dotted form used in CLI overrides and error messages, e.g. {@code api.max-body-bytes}. */
    public String path() {
        return section + "." + name;
    }

    /** e.g. {@code GRANARY_API_MAX_BODY_BYTES}. */
    public String envVar() {
        return envVarFor(path());
    }

    /** Text safe to print back to the operator: a URL loses its password, any other secret all of itself. */
    public String display(String text) {
        if (!holdsSecret || text.isEmpty()) {
            return text;
        }
        return text.contains("//") ? PostgresUrl.redact(text) : "***";
    }

    static String envVarFor(String path) {
        return "GRANARY_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
