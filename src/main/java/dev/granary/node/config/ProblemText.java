package dev.granary.node.config;

import io.vertx.core.json.Json;

import java.util.Optional;

/** Wording of problem lines, kept in one place so every line reads the same way: "key: what (source: where)". */
final class ProblemText {
    private static final int MAX_ECHOED_CHARS = 120;

    private ProblemText() {
    }

    static String invalidValue(ConfigKey<?> key, String text, String detail, String source) {
        return key.path() + ": " + quote(key.display(text)) + " is not " + key.expected()
                + (detail == null ? "" : "; " + detail) + sourceSuffix(source);
    }

    static String notScalar(ConfigKey<?> key, String kind, String source) {
        return key.path() + ": a " + kind + " is not " + key.expected()
                + "; give a single value (quote it if it contains [ ] { } or ': ')" + sourceSuffix(source);
    }

    static String unknownKey(String path, String source, Optional<String> suggestion) {
        return path + ": unknown key" + sourceSuffix(source)
                + suggestion.map(known -> "; did you mean " + known + "?").orElse("");
    }

    static String sourceSuffix(String source) {
        return " (source: " + source + ")";
    }

    /** JSON string syntax keeps any value, control characters included, on one line; long ones are cut. */
    static String quote(String text) {
        String shown = text.length() > MAX_ECHOED_CHARS
                ? text.substring(0, MAX_ECHOED_CHARS) + "...(" + text.length() + " chars)"
                : text;
        return Json.encode(shown);
    }
}
