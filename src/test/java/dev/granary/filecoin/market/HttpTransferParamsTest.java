package dev.granary.filecoin.market;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transfer params JSON read as Go's encoding/json reads it into Boost's HttpRequest, and written as it writes it. */
class HttpTransferParamsTest {
    private static HttpTransferParams parse(String json) {
        return HttpTransferParams.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(HttpTransferParams params) {
        return new String(params.toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatBoostClientsSend() {
        HttpTransferParams params = parse("{\"URL\":\"https://example.com/data.car\",\"Headers\":{\"Authorization\":\"Bearer t\"}}");
        assertEquals("https://example.com/data.car", params.url());
        assertEquals(Map.of("Authorization", "Bearer t"), params.headers());
        assertFalse(params.isLibp2p());
    }

    @Test
    void keysMatchWhateverTheirCase() {
        assertEquals(new HttpTransferParams("u", Map.of("k", "v")), parse("{\"url\":\"u\",\"headers\":{\"k\":\"v\"}}"));
        assertEquals(new HttpTransferParams("u", Map.of("k", "v")), parse("{\"Url\":\"u\",\"HEADERS\":{\"k\":\"v\"}}"));
    }

    @Test
    void absentNullAndEmptyHeadersAreNoHeaders() {
        for (String json : List.of("{\"URL\":\"u\"}", "{\"URL\":\"u\",\"Headers\":null}", "{\"URL\":\"u\",\"Headers\":{}}")) {
            assertEquals(HttpTransferParams.of("u"), parse(json), json);
        }
        assertEquals(HttpTransferParams.of(""), parse("null"), "Go leaves the struct zero");
        assertEquals(HttpTransferParams.of(""), parse(" {} "));
    }

    @Test
    void laterKeysWinAndHeaderObjectsMergeAsInGo() {
        assertEquals("b", parse("{\"URL\":\"a\",\"url\":\"b\"}").url());
        assertEquals("a", parse("{\"URL\":\"a\",\"url\":null}").url(), "null is a no-op for a string field");
        assertEquals(Map.of("a", "1", "b", "2"), parse("{\"Headers\":{\"a\":\"1\"},\"headers\":{\"b\":\"2\"}}").headers());
        assertEquals(Map.of(), parse("{\"Headers\":{\"a\":\"1\"},\"Headers\":null}").headers());
        assertEquals(Map.of("a", ""), parse("{\"Headers\":{\"a\":null}}").headers());
    }

    @Test
    void unknownKeysAreSkippedWhateverTheyHold() {
        assertEquals(HttpTransferParams.of("u"), parse("{\"Extra\":[1,{\"URL\":\"no\"}],\"URL\":\"u\",\"Size\":3.5e2}"));
    }

    @Test
    void libp2pUrlsAreKeptAsGiven() {
        String url = "libp2p:///ip4/1.2.3.4/tcp/1234/p2p/12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo";
        HttpTransferParams params = parse("{\"URL\":\"" + url + "\"}");
        assertEquals(url, params.url());
        assertTrue(params.isLibp2p());
    }

    @Test
    void invalidUtf8InStringsBecomesReplacementCharacters() {
        byte[] json = {'{', '"', 'U', 'R', 'L', '"', ':', '"', 'a', (byte) 0xff, 'b', '"', '}'};
        assertEquals("a\uFFFDb", HttpTransferParams.parse(json).url());
    }

    @Test
    void whatGoRefusesIsRefused() {
        for (String json : List.of("", "   ", "{", "[]", "\"u\"", "{\"URL\":5}", "{\"URL\":{}}", "{\"Headers\":\"x\"}",
                "{\"Headers\":[]}", "{\"Headers\":{\"a\":1}}", "{} {}", "{\"URL\":'u'}", "{\"URL\":\"u\",}")) {
            assertThrows(IllegalArgumentException.class, () -> parse(json), json);
        }
    }

    @Test
    void writesWhatGoWrites() {
        assertEquals("{\"URL\":\"https://example.com/data.car\",\"Headers\":null}", json(HttpTransferParams.of("https://example.com/data.car")));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("b", "2");
        headers.put("a", "1");
        headers.put("Z", "0");
        assertEquals("{\"URL\":\"u\",\"Headers\":{\"Z\":\"0\",\"a\":\"1\",\"b\":\"2\"}}", json(new HttpTransferParams("u", headers)));
    }

    @Test
    void escapesLikeGoIncludingItsHtmlEscaping() {
        String url = "https://h/p?a=1&b=<2>\"\\\n\r\t\b\f\u0001\u001f\u007f\u2028\u2029é\uD834\uDD1E/";
        String expected = "{\"URL\":\"https://h/p?a=1\\u0026b=\\u003c2\\u003e\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\u007f"
                + "\\u2028\\u2029é\uD834\uDD1E/\",\"Headers\":null}";
        assertEquals(expected, json(HttpTransferParams.of(url)));
        assertEquals(url, HttpTransferParams.parse(HttpTransferParams.of(url).toJson()).url());
    }

    /** Go sorts map keys as UTF-8 bytes, where U+FFFD (EF BF BD) comes before U+1D11E (F0 ...); UTF-16 order is the reverse. */
    @Test
    void headerNamesAreSortedByTheirUtf8Bytes() {
        String json = json(new HttpTransferParams("u", Map.of("\uD834\uDD1E", "clef", "\uFFFD", "replacement")));
        assertTrue(json.indexOf("\uFFFD") < json.indexOf("\uD834\uDD1E"), json);
    }

    @Test
    void toStringLeavesHeaderValuesOut() {
        String text = new HttpTransferParams("u", Map.of("Authorization", "Bearer secret")).toString();
        assertTrue(text.contains("Authorization") && !text.contains("secret"), text);
    }
}
