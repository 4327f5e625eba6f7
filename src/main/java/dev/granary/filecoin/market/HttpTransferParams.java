package dev.granary.filecoin.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON in {@link Transfer#params()} for HTTP and libp2p transfers (Boost transport/types.HttpRequest):
 * {@code {"URL": "...", "Headers": {...}}}. Clients write it with Go's encoding/json, so it is read the way
 * Go reads it: keys matched case-insensitively (the last match wins), unknown keys ignored, {@code null} for
 * absent, and invalid UTF-8 inside strings turned into U+FFFD rather than refused.
 *
 * @param url     an http(s) URL, or {@code libp2p:///ip4/.../p2p/<peer>} for HTTP over libp2p; kept as given
 * @param headers request headers to send; empty when the JSON had none (absent, null or {})
 */
public record HttpTransferParams(String url, Map<String, String> headers) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Comparator<String> GO_STRING_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    public HttpTransferParams {
        Fields.requireText(url, Transfer.MAX_PARAMS_BYTES, "transfer URL");
        Map<String, String> sorted = new TreeMap<>(GO_STRING_ORDER);
        (headers == null ? Map.<String, String>of() : headers).forEach((name, value) -> sorted.put(
                Fields.requireText(name, Transfer.MAX_PARAMS_BYTES, "header name"),
                Fields.requireText(value, Transfer.MAX_PARAMS_BYTES, "header " + name)));
        headers = Collections.unmodifiableMap(sorted);
    }

    public static HttpTransferParams of(String url) {
        return new HttpTransferParams(url, Map.of());
    }

    /** Whether the data comes over HTTP-over-libp2p (never ranged: that server has no Range support). */
    public boolean isLibp2p() {
        return url.startsWith("libp2p://");
    }

    /**
     * Reads the params JSON; throws IllegalArgumentException when Go's json.Unmarshal into HttpRequest would
     * fail (not JSON, not an object or null, URL not a string, Headers not an object of strings, trailing data).
     */
    public static HttpTransferParams parse(byte[] json) {
        // Decoding to a String first fixes the charset to UTF-8 (Jackson would sniff UTF-16/32 from byte input)
        // and replaces invalid sequences with U+FFFD, which is what Go does inside JSON strings.
        try (JsonParser parser = JSON.createParser(new String(json, StandardCharsets.UTF_8))) {
            HttpTransferParams params = readTopLevel(parser);
            if (parser.nextToken() != null) {
                throw invalid("data after the top-level value", parser);
            }
            return params;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("transfer params are not valid JSON: " + why, e);
        }
    }

    private static HttpTransferParams readTopLevel(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return new HttpTransferParams("", Map.of());
        }
        if (token != JsonToken.START_OBJECT) {
            throw invalid(token == null ? "no JSON value" : "expected a JSON object", parser);
        }
        String url = "";
        Map<String, String> headers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equalsIgnoreCase("URL")) {
                if (value == JsonToken.VALUE_STRING) {
                    url = parser.getText();
                } else if (value != JsonToken.VALUE_NULL) {
                    throw invalid("URL must be a string", parser);
                }
            } else if (name.equalsIgnoreCase("Headers")) {
                readHeaders(parser, value, headers);
            } else {
                parser.skipChildren();
            }
        }
        return new HttpTransferParams(url, headers);
    }

    /** Go sets a nil map on null and merges into the existing map on a second object, so we do too. */
    private static void readHeaders(JsonParser parser, JsonToken token, Map<String, String> headers) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            headers.clear();
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            throw invalid("Headers must be an object", parser);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                headers.put(name, parser.getText());
            } else if (value == JsonToken.VALUE_NULL) {
                headers.put(name, ""); // a null element stores the zero value in Go
            } else {
                throw invalid("header " + name + " must be a string", parser);
            }
        }
    }

    private static IllegalArgumentException invalid(String problem, JsonParser parser) {
        return new IllegalArgumentException("transfer params: " + problem + " at character "
                + parser.currentTokenLocation().getCharOffset());
    }

    /** The JSON exactly as Go's json.Marshal writes an HttpRequest (empty headers as {@code null}). */
    public byte[] toJson() {
        StringBuilder out = new StringBuilder("{\"URL\":");
        GoJson.appendString(out, url);
        out.append(",\"Headers\":");
        if (headers.isEmpty()) {
            out.append("null");
        } else {
            out.append('{');
            headers.forEach((name, value) -> {
                if (out.charAt(out.length() - 1) != '{') {
                    out.append(',');
                }
                GoJson.appendString(out, name);
                out.append(':');
                GoJson.appendString(out, value);
            });
            out.append('}');
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpTransferParams[url=" + url + ", headers=" + headers.keySet() + "]";
    }
}
