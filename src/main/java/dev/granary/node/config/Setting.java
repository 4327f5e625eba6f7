package dev.granary.node.config;

/**
 * A value for one key as a single source gave it, before parsing.
 *
 * @param value  a String from env or the command line; from YAML any scalar, a JsonObject/JsonArray, or null
 * @param source where it came from, as shown to the operator, e.g. {@code env GRANARY_API_LISTEN}
 */
record Setting(Object value, String source) {
}
