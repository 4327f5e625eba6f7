package dev.granary.node.config;

import java.util.List;
import java.util.Map;

/**
 * What one source contributed: settings by key path, and problems met while reading it. Problems are
 * data rather than exceptions so that every layer is read and all mistakes are reported together.
 */
record Layer(Map<String, Setting> settings, List<String> problems) {
    static final Layer EMPTY = new Layer(Map.of(), List.of());

    Layer {
        settings = Map.copyOf(settings);
        problems = List.copyOf(problems);
    }

    static Layer failed(String problem) {
        return new Layer(Map.of(), List.of(problem));
    }
}
