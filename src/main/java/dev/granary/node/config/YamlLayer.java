package dev.granary.node.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one YAML source (bundled defaults or the repo file) into a layer, via a vertx-config file store. */
final class YamlLayer {
    static final String DEFAULTS_RESOURCE = "dev/granary/node/config/granary.yaml";
    static final String DEFAULTS_SOURCE = "defaults (bundled granary.yaml)";

    private YamlLayer() {
    }

    /** Relative path, so Vert.x resolves it on the classpath: the copy of conf/granary.yaml in the jar. */
    static Future<Layer> readDefaults(Vertx vertx) {
        return read(vertx, DEFAULTS_RESOURCE, DEFAULTS_SOURCE);
    }

    /** An absent repo file is normal (nothing overridden); one that exists but cannot be used is not. */
    static Future<Layer> readRepoFile(Vertx vertx, String absolutePath) {
        String source = "file " + absolutePath;
        return vertx.fileSystem().exists(absolutePath)
                .compose(exists -> exists ? read(vertx, absolutePath, source) : Future.succeededFuture(Layer.EMPTY))
                .recover(error -> Future.succeededFuture(Layer.failed(source + ": cannot be read: " + error.getMessage())));
    }

    private static Future<Layer> read(Vertx vertx, String path, String source) {
        // Not optional: vertx-config drops every failure of an optional store, parse errors included.
        ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat("yaml")
                .setConfig(new JsonObject().put("path", path));
        ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
                .setIncludeDefaultStores(false).setScanPeriod(0).addStore(store));
        return retriever.getConfig()
                .andThen(done -> retriever.close())
                .map(document -> fromDocument(document, source))
                .recover(error -> Future.succeededFuture(isEmptyDocument(error)
                        ? Layer.EMPTY
                        : Layer.failed(source + ": " + describeFailure(error))));
    }

    /** Checks the document against the schema; values are kept raw for the assembler to parse. */
    static Layer fromDocument(JsonObject document, String source) {
        Map<String, Setting> settings = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String sectionName : document.fieldNames()) {
            Object section = document.getValue(sectionName);
            if (!KeySchema.sections().contains(sectionName)) {
                problems.add(unknownTopLevel(sectionName, source));
            } else if (section instanceof JsonObject keys) {
                readKeys(sectionName, keys, source, settings, problems);
            } else if (section != null) { // null: every key of the section commented out, which is fine
                problems.add(sectionName + ": " + ProblemText.quote(String.valueOf(section))
                        + " is not a section; expected a mapping of " + keyNames(sectionName)
                        + ProblemText.sourceSuffix(source));
            }
        }
        return new Layer(settings, problems);
    }

    /**
     * Keys of a section, or of a group inside one: chain.devnet.block-time may be written dotted under chain or
     * nested as block-time under devnet under chain.
     */
    private static void readKeys(String prefix, JsonObject keys, String source, Map<String, Setting> settings,
                                 List<String> problems) {
        for (String keyName : keys.fieldNames()) {
            String path = prefix + "." + keyName;
            Object value = keys.getValue(keyName);
            if (KeySchema.byPath(path).isPresent()) {
                settings.put(path, new Setting(value, source));
            } else if (KeySchema.isGroup(path) && value instanceof JsonObject group) {
                readKeys(path, group, source, settings, problems);
            } else if (!(KeySchema.isGroup(path) && value == null)) { // an emptied group is fine, like a section
                problems.add(ProblemText.unknownKey(path, source, KeySuggestions.suggest(path)));
            }
        }
    }

    private static String unknownTopLevel(String name, String source) {
        if (KeySchema.byPath(name).isPresent()) {
            int dot = name.indexOf('.');
            return name + ": unknown top-level key" + ProblemText.sourceSuffix(source) + "; write it nested, as "
                    + name.substring(dot + 1) + " under " + name.substring(0, dot) + ":";
        }
        return ProblemText.unknownKey(name, source, KeySuggestions.suggest(name));
    }

    private static String keyNames(String section) {
        return String.join(", ", KeySchema.keysIn(section).stream().map(ConfigKey::name).toList());
    }

    private static String describeFailure(Throwable error) {
        if (error instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return "not valid YAML at line " + (yaml.getProblemMark().getLine() + 1)
                    + ", column " + (yaml.getProblemMark().getColumn() + 1) + ": " + yaml.getProblem()
                    + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")")
                    + (String.valueOf(yaml.getContext()).contains("flow")
                            ? "; quote values that contain [ ] { } or ': '" : "");
        }
        if (error instanceof DecodeException) {
            return "not a YAML mapping of sections; expected top-level keys " + String.join(", ", KeySchema.sections());
        }
        return "cannot be read: " + error.getMessage();
    }

    /**
     * A document holding only comments parses to null, which the retriever then fails to merge with a
     * NullPointerException inside JsonObject.mergeIn. A commented-out file is a legitimate empty layer.
     * An NPE without a stack trace (the JIT may omit it) can only come from the same place: the store
     * and the YAML processor report their own failures with their own exception types.
     */
    private static boolean isEmptyDocument(Throwable error) {
        StackTraceElement[] stack = error.getStackTrace();
        return error instanceof NullPointerException && (stack.length == 0 || Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals(JsonObject.class.getName())
                        && frame.getMethodName().equals("mergeIn")));
    }
}
