package dev.granary.node.config;

/** @param level root log level: error, warn, info, debug or trace */
public record LogConfig(String level) {
}
