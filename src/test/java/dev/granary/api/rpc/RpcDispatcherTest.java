package dev.granary.api.rpc;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcDispatcherTest {

    private static final int MAX_BATCH = 8;

    private final SampleApi api = new SampleApi();
    private final RpcDispatcher dispatcher = new RpcDispatcher(api.all(), null, MAX_BATCH);

    static RpcResponse dispatch(RpcDispatcher dispatcher, String body, Permission granted) {
        try {
            return dispatcher.dispatch(Buffer.buffer(body), granted).await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("dispatch did not complete", e);
        }
    }

    private RpcResponse dispatch(String body, Permission granted) {
        return dispatch(dispatcher, body, granted);
    }

    private static String call(String method, Object id) {
        return new JsonObject().put("jsonrpc", "2.0").put("method", method).put("params", new JsonArray())
                .put("id", id).encode();
    }

    private static String notification(String method) {
        return new JsonObject().put("jsonrpc", "2.0").put("method", method).encode();
    }

    private static JsonObject single(RpcResponse response, int expectedStatus) {
        assertEquals(expectedStatus, response.httpStatus(), () -> String.valueOf(response.body()));
        return response.body().toJsonObject();
    }

    private static JsonObject error(JsonObject response, int expectedCode) {
        assertEquals("2.0", response.getString("jsonrpc"));
        assertFalse(response.containsKey("result"), response::encode);
        JsonObject error = response.getJsonObject("error");
        assertEquals(expectedCode, error.getInteger("code"), response::encode);
        return error;
    }

    @Test
    void readMethodAnswersReadCaller() {
        JsonObject response = single(dispatch(call("Granary.Version", 1), Permission.READ), 200);
        assertEquals(new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"version\":\"1.2.3\"}}"), response);
    }

    @Test
    void handlerSeesMethodIdAndGrantedPermission() {
        dispatch(call("Granary.Version", "abc"), Permission.SIGN);
        assertEquals(new RpcCall("Granary.Version", "abc", Permission.SIGN), api.lastCall);
    }

    @Test
    void adminMethodDeniesReadCallerWith401WithoutRunningIt() {
        JsonObject response = single(dispatch(call("Granary.Shutdown", 5), Permission.READ), 401);
        JsonObject error = error(response, -32001);
        assertEquals("missing permission to invoke 'Granary.Shutdown' (need 'admin', have 'read')",
                error.getString("message"));
        assertEquals(5, response.getInteger("id"));
        assertEquals(0, api.shutdownCalls.get());
    }

    @Test
    void adminMethodRunsForAdminAndKeepsNullResult() {
        JsonObject response = single(dispatch(call("Granary.Shutdown", 5), Permission.ADMIN), 200);
        assertTrue(response.containsKey("result"), response::encode);
        assertNull(response.getValue("result"));
        assertFalse(response.containsKey("error"));
        assertEquals(1, api.shutdownCalls.get());
    }

    @Test
    void higherPermissionCoversLowerMethod() {
        assertEquals("signed", single(dispatch(call("Granary.Sign", 1), Permission.ADMIN), 200).getString("result"));
        error(single(dispatch(call("Granary.Sign", 1), Permission.WRITE), 401), -32001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "", "   ", "{\"jsonrpc\":\"2.0\",}", "[1,2", "{} {}", "\u00ff\u00fe"})
    void malformedJsonIsParseErrorWith400AndNullId(String body) {
        JsonObject response = single(dispatch(body, Permission.ADMIN), 400);
        error(response, -32700);
        assertTrue(response.containsKey("id"));
        assertNull(response.getValue("id"));
    }

    @Test
    void absurdNestingIsAParseErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        error(single(dispatch(deep, Permission.READ), 400), -32700);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "42", "\"Granary.Version\"", "null", "true",
            "{\"method\":\"Granary.Version\",\"id\":1}",
            "{\"jsonrpc\":\"1.0\",\"method\":\"Granary.Version\",\"id\":1}",
            "{\"jsonrpc\":2.0,\"method\":\"Granary.Version\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":7,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":null,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"params\":\"x\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"params\":3,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"params\":null,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"id\":true}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"id\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"id\":[1]}",
            "{\"jsonrpc\":\"2.0\",\"method\":[\"Granary.Version\"]}"})
    void invalidRequestObjectsAre400WithInvalidRequestAndRunNothing(String body) {
        error(single(dispatch(body, Permission.ADMIN), 400), -32600);
        assertEquals(0, api.versionCalls.get());
    }

    @Test
    void invalidRequestEchoesAnIdItCouldRead() {
        JsonObject response = single(dispatch("{\"jsonrpc\":\"1.0\",\"method\":\"Granary.Version\",\"id\":\"x\"}",
                Permission.READ), 400);
        assertEquals("x", response.getString("id"));
    }

    @Test
    void idTypesAreEchoedVerbatim() {
        assertEquals(new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":12345678901234,\"result\":{\"version\":\"1.2.3\"}}"),
                single(dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"id\":12345678901234}",
                        Permission.READ), 200));
        assertEquals(1.5, single(dispatch(call("Granary.Version", 1.5), Permission.READ), 200).getDouble("id"));
        JsonObject nullId = single(dispatch(call("Granary.Version", null), Permission.READ), 200);
        assertTrue(nullId.containsKey("id") && nullId.getValue("id") == null, nullId::encode);
    }

    @Test
    void unknownMethodIsMethodNotFoundWith200() {
        JsonObject error = error(single(dispatch(call("Granary.Nope", 3), Permission.ADMIN), 200), -32601);
        assertEquals("method 'Granary.Nope' not found", error.getString("message"));
    }

    @Test
    void veryLongUnknownMethodNameIsNotEchoedInFull() {
        String name = "N".repeat(10_000);
        JsonObject error = error(single(dispatch(call(name, 3), Permission.READ), 200), -32601);
        assertTrue(error.getString("message").length() < 200, error.getString("message"));
    }

    @Test
    void namedParamsAreInvalidParams() {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Version\",\"params\":{\"a\":1},\"id\":9}";
        JsonObject error = error(single(dispatch(body, Permission.READ), 200), -32602);
        assertEquals("params must be an array", error.getString("message"));
        assertEquals(0, api.versionCalls.get());
    }

    @Test
    void permissionIsCheckedBeforeParamsShape() {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Shutdown\",\"params\":{},\"id\":9}";
        error(single(dispatch(body, Permission.READ), 401), -32001);
    }

    @Test
    void missingParamsMeansEmptyArray() {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Echo\",\"id\":1}";
        assertEquals(new JsonArray(), single(dispatch(body, Permission.READ), 200).getJsonArray("result"));
    }

    @Test
    void paramsReachTheHandler() {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"Granary.Echo\",\"params\":[1,\"two\",{\"three\":[3]}],\"id\":1}";
        assertEquals(new JsonArray("[1,\"two\",{\"three\":[3]}]"),
                single(dispatch(body, Permission.READ), 200).getJsonArray("result"));
    }

    @Test
    void batchKeepsRequestOrderAndStays200WhateverTheEntriesSay() {
        String body = "[" + String.join(",",
                call("Granary.Version", 1),
                call("Granary.Nope", 2),
                call("Granary.Shutdown", 3),
                notification("Granary.Version"),
                "5",
                call("Granary.Fail", "six")) + "]";
        RpcResponse response = dispatch(body, Permission.READ);
        assertEquals(200, response.httpStatus());
        JsonArray replies = response.body().toJsonArray();
        assertEquals(5, replies.size(), replies::encode);
        assertEquals("1.2.3", replies.getJsonObject(0).getJsonObject("result").getString("version"));
        assertEquals(1, replies.getJsonObject(0).getInteger("id"));
        error(replies.getJsonObject(1), -32601);
        assertEquals(2, replies.getJsonObject(1).getInteger("id"));
        error(replies.getJsonObject(2), -32001);
        assertEquals(3, replies.getJsonObject(2).getInteger("id"));
        error(replies.getJsonObject(3), -32600);
        assertNull(replies.getJsonObject(3).getValue("id"));
        error(replies.getJsonObject(4), -32603);
        assertEquals("six", replies.getJsonObject(4).getString("id"));
        assertEquals(2, api.versionCalls.get(), "the notification must still run");
        assertEquals(0, api.shutdownCalls.get());
    }

    @Test
    void batchOfOnlyNotificationsRunsThemAndHasNoBody() {
        String body = "[" + notification("Granary.Version") + "," + notification("Granary.Version") + "]";
        RpcResponse response = dispatch(body, Permission.READ);
        assertNull(response.body());
        assertFalse(response.hasBody());
        assertEquals(204, response.httpStatus());
        assertEquals(2, api.versionCalls.get());
    }

    @Test
    void singleNotificationHasNoBodyEvenWhenItFails() {
        assertNull(dispatch(notification("Granary.Version"), Permission.READ).body());
        assertNull(dispatch(notification("Granary.Nope"), Permission.READ).body());
        assertNull(dispatch(notification("Granary.Fail"), Permission.READ).body());
        RpcResponse denied = dispatch(notification("Granary.Shutdown"), Permission.READ);
        assertNull(denied.body());
        assertEquals(0, api.shutdownCalls.get());
        assertEquals(1, api.versionCalls.get());
    }

    @Test
    void invalidEntriesInANotificationBatchAreStillAnswered() {
        RpcResponse response = dispatch("[" + notification("Granary.Version") + ",{\"foo\":1}]", Permission.READ);
        JsonArray replies = response.body().toJsonArray();
        assertEquals(1, replies.size());
        error(replies.getJsonObject(0), -32600);
    }

    @Test
    void emptyBatchIsOneInvalidRequestError() {
        JsonObject response = single(dispatch("[]", Permission.READ), 400);
        error(response, -32600);
    }

    @Test
    void oversizedBatchIsRejectedWholeNamingTheLimit() {
        String body = new JsonArray(Collections.nCopies(MAX_BATCH + 1,
                new JsonObject(call("Granary.Version", 1)))).encode();
        JsonObject error = error(single(dispatch(body, Permission.READ), 400), -32600);
        assertTrue(error.getString("message").contains("limit is " + MAX_BATCH), error.getString("message"));
        assertEquals(0, api.versionCalls.get());
    }

    @Test
    void batchAtTheLimitIsServed() {
        String body = new JsonArray(Collections.nCopies(MAX_BATCH,
                new JsonObject(call("Granary.Version", 1)))).encode();
        RpcResponse response = dispatch(body, Permission.READ);
        assertEquals(MAX_BATCH, response.body().toJsonArray().size());
        assertEquals(MAX_BATCH, api.versionCalls.get());
    }

    @Test
    void batchEntriesRunConcurrently() {
        // Await only completes once Release has run; a dispatcher that waited for each entry before
        // starting the next would never finish and the await in dispatch() would time out.
        String body = "[" + call("Granary.Await", 1) + "," + call("Granary.Release", 2) + "]";
        JsonArray replies = dispatch(body, Permission.READ).body().toJsonArray();
        assertEquals("released", replies.getJsonObject(0).getString("result"));
        assertEquals("done", replies.getJsonObject(1).getString("result"));
    }

    @Test
    void handlerFailureIsInternalErrorCarryingOnlyTheMessage() {
        JsonObject response = single(dispatch(call("Granary.Fail", 1), Permission.READ), 200);
        JsonObject error = error(response, -32603);
        assertEquals("disk on fire", error.getString("message"));
        assertFalse(error.containsKey("data"));
        assertFalse(response.encode().contains("IllegalStateException"), response::encode);
        assertFalse(response.encode().contains("dev.granary"), response::encode);
    }

    @Test
    void handlerThatThrowsIsTreatedLikeAFailedFuture() {
        JsonObject error = error(single(dispatch(call("Granary.Throw", 1), Permission.READ), 200), -32603);
        assertEquals("thrown before any future existed", error.getString("message"));
    }

    @Test
    void failureWithoutMessageStillGetsOne() {
        JsonObject error = error(single(dispatch(call("Granary.Silent", 1), Permission.READ), 200), -32603);
        assertEquals("RuntimeException", error.getString("message"));
    }

    @Test
    void handlerReturningNullIsInternalError() {
        error(single(dispatch(call("Granary.NoFuture", 1), Permission.READ), 200), -32603);
    }

    @Test
    void rpcExceptionChoosesCodeMessageAndData() {
        JsonObject error = error(single(dispatch(call("Granary.Reject", 1), Permission.READ), 200), -32010);
        assertEquals("deal rejected", error.getString("message"));
        assertEquals(new JsonObject().put("reason", "price"), error.getJsonObject("data"));
    }

    @Test
    void thrownRpcExceptionAlsoChoosesTheCode() {
        JsonObject error = error(single(dispatch(call("Granary.ThrowRpc", 1), Permission.READ), 200), -32602);
        assertEquals("expected 1 parameter", error.getString("message"));
    }

    @Test
    void recordResultsAreEncodedAsObjects() {
        JsonObject response = single(dispatch(call("Granary.Record", 1), Permission.READ), 200);
        assertEquals(new JsonObject().put("version", "1.2.3").put("apiLevel", 7), response.getJsonObject("result"));
    }

    @Test
    void unencodableResultSpoilsOnlyItsOwnBatchEntry() {
        String body = "[" + call("Granary.Unencodable", 1) + "," + call("Granary.Version", 2) + "]";
        RpcResponse response = dispatch(body, Permission.READ);
        assertEquals(200, response.httpStatus());
        JsonArray replies = response.body().toJsonArray();
        error(replies.getJsonObject(0), -32603);
        assertEquals(1, replies.getJsonObject(0).getInteger("id"));
        assertEquals("1.2.3", replies.getJsonObject(1).getJsonObject("result").getString("version"));
    }

    @Test
    void duplicateMethodNamesAreRefused() {
        RpcMethod a = new RpcMethod("Granary.Version", Permission.READ, (p, c) -> Future.succeededFuture());
        RpcMethod b = new RpcMethod("Granary.Version", Permission.ADMIN, (p, c) -> Future.succeededFuture());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RpcDispatcher(List.of(a, b), null, 1));
        assertTrue(e.getMessage().contains("Granary.Version"), e.getMessage());
    }

    @Test
    void nonPositiveBatchLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RpcDispatcher(List.of(), null, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Version", "Granary.", ".Version", "Granary.Version ", "Granary.Ver.sion", "1.A"})
    void malformedMethodNamesAreRefused(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> new RpcMethod(name, Permission.READ, (p, c) -> Future.succeededFuture()));
    }
}
