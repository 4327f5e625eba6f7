package dev.granary.chain.lotus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded lotus replies in {@code src/test/resources/chain/lotus/} (see the README there). */
final class Recordings {
    private Recordings() {
    }

    /** The named reply of a method: an object with {@code result} or {@code error}. */
    static JsonObject reply(String method, String name) {
        JsonObject reply = file(method).getJsonObject("replies").getJsonObject(name);
        if (reply == null) {
            throw new IllegalArgumentException("no reply '" + name + "' recorded for " + method);
        }
        return reply;
    }

    static Object result(String method, String name) {
        return reply(method, name).getValue("result");
    }

    /** The HeadChange list of a recorded ChainNotify notification. */
    static JsonArray headChanges(String name) {
        return reply("Filecoin.ChainNotify", name).getJsonArray("changes");
    }

    static JsonObject file(String method) {
        String path = "/chain/lotus/" + method + ".json";
        try (InputStream in = Recordings.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + path);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
