package dev.granary.api.rpc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever bytes arrive, the dispatcher answers with well-formed JSON-RPC or deliberately nothing. */
class RpcDispatcherFuzzTest {

    private static final Set<String> RESPONSE_MEMBERS = Set.of("jsonrpc", "id", "result", "error");
    private static final Set<String> ERROR_MEMBERS = Set.of("code", "message", "data");

    private final RpcDispatcher dispatcher = new RpcDispatcher(new SampleApi().all(), null, 16);

    @Property
    void arbitraryBytesGetAWellFormedAnswer(@ForAll byte[] body, @ForAll Permission granted) throws Exception {
        assertWellFormed(body, granted);
    }

    @Property
    void jsonTokenSoupGetsAWellFormedAnswer(@ForAll("tokenSoup") String body, @ForAll Permission granted)
            throws Exception {
        assertWellFormed(body.getBytes(StandardCharsets.UTF_8), granted);
    }

    @Property(tries = 2000)
    void nearlyValidRequestsGetAWellFormedAnswer(@ForAll("requestBodies") String body, @ForAll Permission granted)
            throws Exception {
        assertWellFormed(body.getBytes(StandardCharsets.UTF_8), granted);
    }

    private void assertWellFormed(byte[] body, Permission granted) throws Exception {
        RpcResponse response = dispatcher.dispatch(Buffer.buffer(body), granted).await(5, TimeUnit.SECONDS);
        if (response.body() == null) {
            assertEquals(204, response.httpStatus());
            return;
        }
        assertTrue(Set.of(200, 400, 401).contains(response.httpStatus()), () -> "status " + response.httpStatus());
        Object json = Json.decodeValue(response.body());
        if (json instanceof JsonArray replies) {
            assertEquals(200, response.httpStatus());
            assertFalse(replies.isEmpty());
            replies.forEach(RpcDispatcherFuzzTest::assertResponseObject);
        } else {
            assertResponseObject(json);
        }
    }

    private static void assertResponseObject(Object json) {
        JsonObject reply = assertInstanceOf(JsonObject.class, json);
        assertTrue(RESPONSE_MEMBERS.containsAll(reply.fieldNames()), reply::encode);
        assertEquals("2.0", reply.getValue("jsonrpc"));
        assertTrue(reply.containsKey("id"), reply::encode);
        Object id = reply.getValue("id");
        assertTrue(id == null || id instanceof String || id instanceof Number, reply::encode);
        assertNotEquals(reply.containsKey("result"), reply.containsKey("error"), reply::encode);
        if (reply.containsKey("error")) {
            JsonObject error = assertInstanceOf(JsonObject.class, reply.getValue("error"));
            assertTrue(ERROR_MEMBERS.containsAll(error.fieldNames()), reply::encode);
            assertInstanceOf(Integer.class, error.getValue("code"));
            assertInstanceOf(String.class, error.getValue("message"));
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of("{", "}", "[", "]", ":", ",", " ", "\"", "\"jsonrpc\"", "\"2.0\"", "\"method\"",
                        "\"Granary.Version\"", "\"Granary.Shutdown\"", "\"params\"", "\"id\"", "1", "-0.5e3", "null",
                        "true", "\"\\u0000\"", "\\", "\uD83D\uDE00", "\uD800")
                .list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    /** Request objects assembled from plausible and implausible parts, alone or in batches. */
    @Provide
    Arbitrary<String> requestBodies() {
        Arbitrary<Object> anyValue = Arbitraries.of(null, 0, -1, 2.5, Long.MAX_VALUE, "", "x", true,
                new JsonObject(), new JsonArray(), new JsonArray().add(1).add("a"), new JsonObject().put("k", 1));
        Arbitrary<Object> jsonrpc = Arbitraries.oneOf(Arbitraries.just("2.0"), Arbitraries.just("2.0"), anyValue);
        Arbitrary<Object> method = Arbitraries.oneOf(
                Arbitraries.of("Granary.Version", "Granary.Shutdown", "Granary.Echo", "Granary.Fail", "Granary.Throw",
                        "Granary.Reject", "Granary.Unencodable", "Granary.NoFuture", "Granary.Silent",
                        "Granary.Sign", "Granary.Release", "Granary.Nope", ""),
                anyValue);
        Arbitrary<Object> params = Arbitraries.oneOf(
                anyValue, Arbitraries.just(new JsonArray().add(new JsonObject().put("deep", new JsonArray().add(1)))));
        Arbitrary<Object> id = Arbitraries.oneOf(Arbitraries.of(1, "id-1", 99.9), anyValue);
        Arbitrary<Map<String, Object>> members = Combinators.combine(
                optional(jsonrpc), optional(method), optional(params), optional(id))
                .as((j, m, p, i) -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    putIfPresent(request, "jsonrpc", j);
                    putIfPresent(request, "method", m);
                    putIfPresent(request, "params", p);
                    putIfPresent(request, "id", i);
                    return request;
                });
        Arbitrary<Object> entry = Arbitraries.oneOf(members.map(JsonObject::new), anyValue);
        Arbitrary<String> single = entry.map(Json::encode);
        Arbitrary<String> batch = entry.list().ofMaxSize(20).map(entries -> new JsonArray(new ArrayList<>(entries)).encode());
        return Arbitraries.oneOf(single, batch);
    }

    private static final Object ABSENT = new Object();

    private static Arbitrary<Object> optional(Arbitrary<Object> value) {
        return Arbitraries.oneOf(value, value, value, Arbitraries.just(ABSENT));
    }

    private static void putIfPresent(Map<String, Object> request, String key, Object value) {
        if (value != ABSENT) {
            request.put(key, value);
        }
    }

    @Property
    void validSingleCallsAlwaysEchoTheirId(@ForAll("ids") Object id, @ForAll Permission granted) throws Exception {
        String body = new JsonObject().put("jsonrpc", "2.0").put("method", "Granary.Version").put("id", id).encode();
        RpcResponse response = dispatcher.dispatch(Buffer.buffer(body), granted).await(5, TimeUnit.SECONDS);
        JsonObject reply = response.body().toJsonObject();
        assertEquals(new JsonObject().put("id", id).encode(), new JsonObject().put("id", reply.getValue("id")).encode());
        assertNull(reply.getValue("error"));
    }

    @Provide
    Arbitrary<Object> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30), Arbitraries.longs(), Arbitraries.just(null))
                .map(v -> (Object) v);
    }
}
