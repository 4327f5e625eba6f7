package dev.granary.chain.lotus;

import dev.granary.chain.ChainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Awaiting port calls from a test thread and checking what reached the recorded node. */
final class LotusTestSupport {
    private LotusTestSupport() {
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }

    /** The ChainException {@code future} fails with, of the expected kind. */
    static ChainException failure(Future<?> future, ChainException.Kind kind) {
        Throwable thrown = assertThrows(Throwable.class, () -> future.await(20, TimeUnit.SECONDS));
        ChainException error = assertInstanceOf(ChainException.class, thrown, () -> "not a ChainException: " + thrown);
        assertEquals(kind, error.kind(), error.getMessage());
        return error;
    }

    /** The request the node got: method, params exactly, and the bearer token. */
    static void assertCall(RecordedLotusNode node, String method, String paramsJson) {
        RecordedLotusNode.Received call = node.only(method);
        assertEquals(new JsonArray(paramsJson), call.params(), method + " params");
        assertEquals("Bearer " + RecordedLotusNode.TOKEN, call.authorization(), method + " bearer header");
    }
}
