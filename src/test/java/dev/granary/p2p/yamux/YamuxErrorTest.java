package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RST, ping, GoAway and hostile input: which failures end one stream and which end the session. */
class YamuxErrorTest {
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    static Buffer frame(YamuxFrame frame) {
        return YamuxHeaderCodec.encode(frame);
    }

    static <T> T now(YamuxPair pair, java.util.function.Supplier<T> value) {
        return pair.await(() -> Future.succeededFuture(value.get()));
    }

    /** The session failed with a protocol error and told the peer so with GoAway(1). */
    static void assertFatal(YamuxPair pair) {
        assertTrue(now(pair, () -> pair.server.isClosed()));
        Throwable cause = assertThrows(AssertionError.class, () -> pair.await(() -> pair.server.closeFuture())).getCause();
        assertInstanceOf(YamuxProtocolException.class, cause);
        YamuxFrame last = pair.serverSent.getLast();
        assertEquals(YamuxFrameType.GO_AWAY, last.type());
        assertEquals(YamuxFrame.GO_AWAY_PROTOCOL_ERROR, last.length());
    }

    @Test
    void resetWithErrorCodeReachesTheOtherSideOnly() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, true);
        pair.onServerStream = stream -> stream.handler(data -> stream.reset(0x1001));
        Promise<Throwable> clientError = Promise.promise();
        YamuxStream client = pair.await(() -> pair.client.openStream().compose(stream -> {
            stream.exceptionHandler(clientError::tryComplete);
            return stream.write(Buffer.buffer("x")).map(stream);
        }));
        Throwable error = pair.await(clientError::future);
        YamuxStreamResetException reset = assertInstanceOf(YamuxStreamResetException.class, error);
        assertEquals(0x1001, reset.errorCode());
        assertTrue(now(pair, client::isClosed));
        assertThrows(AssertionError.class, () -> pair.await(() -> client.write(Buffer.buffer("late"))));
        pair.await(() -> pair.client.ping()); // the session survives a stream reset
        assertEquals(0, now(pair, () -> pair.client.streamCount() + pair.server.streamCount()));
    }

    /** js-libp2p resets a stream right after negotiating it when over its per-protocol limit: nobody listens yet. */
    @Test
    void resetBeforeAnyHandlerIsToldToTheFirstHandler() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, true);
        pair.onServerStream = stream -> stream.reset(0);
        YamuxStream client = pair.await(() -> pair.client.openStream());
        pair.await(() -> pair.client.ping()); // the RST is in once the ping comes back
        assertTrue(now(pair, client::isClosed));
        Promise<Throwable> told = Promise.promise();
        Throwable error = pair.await(() -> {
            client.exceptionHandler(told::tryComplete);
            return told.future();
        });
        assertInstanceOf(YamuxStreamResetException.class, error);
    }

    @Test
    void pingIsAnsweredWithTheSameValue() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, true);
        long rtt = pair.await(() -> pair.client.ping().compose(a -> pair.server.ping()));
        assertTrue(rtt >= 0);
        pair.inject(pair.server, frame(YamuxFrame.ping(YamuxFrame.SYN, 0xCAFEL)));
        assertEquals(YamuxFrame.ping(YamuxFrame.ACK, 0xCAFEL), pair.serverSent.getLast());
        // an unsolicited ACK is not answered and does not kill the session
        int sent = pair.serverSent.size();
        pair.inject(pair.server, frame(YamuxFrame.ping(YamuxFrame.ACK, 7)));
        assertEquals(sent, pair.serverSent.size());
        assertFalse(now(pair, () -> pair.server.isClosed()));
    }

    @Test
    void normalGoAwayStopsNewStreamsButKeepsOpenOnes() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, true);
        pair.onServerStream = YamuxSessionTest::echo;
        YamuxStream open = pair.await(() -> pair.client.openStream());
        pair.await(() -> {
            pair.client.goAway();
            return pair.client.ping(); // the GoAway has arrived once the ping comes back
        });
        assertThrows(AssertionError.class, () -> pair.await(() -> pair.server.openStream()));
        assertThrows(AssertionError.class, () -> pair.await(() -> pair.client.openStream()));
        Buffer echoed = pair.await(() -> {
            Future<Buffer> all = YamuxSessionTest.readAll(open);
            open.end(Buffer.buffer("still here"));
            return all;
        });
        assertEquals("still here", echoed.toString());
        // after our GoAway an inbound SYN is refused with RST
        pair.server.goAway();
        pair.inject(pair.server, frame(YamuxFrame.windowUpdate(9, YamuxFrame.SYN, 0)));
        assertEquals(YamuxFrame.windowUpdate(9, YamuxFrame.RST, 0), pair.serverSent.getLast());
    }

    @Test
    void closeSendsGoAwayAndEndsStreams() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        Promise<Throwable> streamError = Promise.promise();
        YamuxStream stream = pair.await(() -> pair.client.openStream());
        stream.exceptionHandler(streamError::tryComplete);
        pair.await(() -> pair.client.close());
        assertEquals(YamuxFrame.goAway(YamuxFrame.GO_AWAY_NORMAL), pair.clientSent.getLast());
        assertInstanceOf(YamuxException.class, pair.await(streamError::future));
        assertTrue(now(pair, stream::isClosed));
    }

    @Test
    void errorGoAwayFromPeerClosesTheSession() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        pair.inject(pair.server, frame(YamuxFrame.goAway(YamuxFrame.GO_AWAY_INTERNAL_ERROR)));
        assertThrows(AssertionError.class, () -> pair.await(() -> pair.server.closeFuture()));
    }

    @Test
    void dataOnSessionStreamIsFatal() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        pair.inject(pair.server, frame(YamuxFrame.data(0, 0, Buffer.buffer("x"))));
        assertFatal(pair);
    }

    @Test
    void garbageHeaderIsFatal() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        pair.inject(pair.server, Buffer.buffer(HexFormat.of().parseHex("070100010000000100000000")));
        assertFatal(pair);
    }

    @Test
    void windowOverrunIsFatalEvenInPieces() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        List<YamuxStream> accepted = new ArrayList<>();
        pair.onServerStream = stream -> {
            accepted.add(stream);
            stream.pause(); // nothing is consumed, so nothing is re-granted
        };
        pair.inject(pair.server, frame(YamuxFrame.data(1, YamuxFrame.SYN, Buffer.buffer(new byte[200_000]))));
        assertFalse(now(pair, () -> pair.server.isClosed()));
        pair.inject(pair.server, frame(YamuxFrame.data(1, 0, Buffer.buffer(new byte[62_145]))));
        assertFatal(pair);
        assertTrue(now(pair, () -> accepted.getFirst().isClosed()));
    }

    @Test
    void wrongParitySynIsFatal() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        pair.inject(pair.server, frame(YamuxFrame.windowUpdate(2, YamuxFrame.SYN, 0)));
        assertFatal(pair);
    }

    @Test
    void synBeyondTheLimitOnlyResetsThatStream() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults().withMaxStreams(4), 1, false);
        List<Integer> accepted = new ArrayList<>();
        pair.onServerStream = stream -> accepted.add(stream.id());
        for (int id = 1; id <= 19; id += 2) {
            pair.inject(pair.server, frame(YamuxFrame.data(id, YamuxFrame.SYN, Buffer.buffer("hi"))));
        }
        assertEquals(List.of(1, 3, 5, 7), accepted);
        long resets = pair.serverSent.stream().filter(f -> f.has(YamuxFrame.RST)).count();
        assertEquals(6, resets);
        assertFalse(now(pair, () -> pair.server.isClosed()));
    }

    @Test
    void framesForUnknownStreamsAreDropped() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults(), 1, false);
        pair.inject(pair.server, frame(YamuxFrame.data(41, 0, Buffer.buffer("late"))));
        pair.inject(pair.server, frame(YamuxFrame.windowUpdate(41, YamuxFrame.FIN, 10)));
        assertFalse(now(pair, () -> pair.server.isClosed()));
        assertTrue(pair.serverSent.isEmpty());
    }
}
