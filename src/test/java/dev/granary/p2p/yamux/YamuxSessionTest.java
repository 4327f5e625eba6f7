package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two sessions back to back: streams, echo, many streams, a large transfer under flow control, half-close. */
class YamuxSessionTest {
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    static YamuxPair pair(boolean chunking) {
        return new YamuxPair(vertx, YamuxConfig.defaults(), 42, chunking);
    }

    /** Server side: echo everything back and half-close when the client does. */
    static void echo(YamuxStream stream) {
        stream.pipeTo(stream);
    }

    static Future<Buffer> readAll(YamuxStream stream) {
        Promise<Buffer> all = Promise.promise();
        Buffer received = Buffer.buffer();
        stream.handler(received::appendBuffer);
        stream.endHandler(v -> all.tryComplete(received));
        stream.exceptionHandler(all::tryFail);
        return all.future();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void openAcceptEcho() {
        YamuxPair pair = pair(false);
        List<Integer> accepted = new ArrayList<>();
        pair.onServerStream = stream -> {
            accepted.add(stream.id());
            echo(stream);
        };
        Buffer reply = pair.await(() -> pair.client.openStream().compose(stream -> {
            Future<Buffer> all = readAll(stream);
            stream.write(Buffer.buffer("hello yamux"));
            stream.end();
            return all;
        }));
        assertEquals("hello yamux", reply.toString());
        assertEquals(List.of(1), accepted, "the client opens odd ids, starting at 1");
        assertEquals(0, pair.await(() -> Future.succeededFuture(pair.client.streamCount() + pair.server.streamCount())));
    }

    @Test
    void serverOpensEvenIds() {
        YamuxPair pair = pair(true);
        pair.onClientStream = YamuxSessionTest::echo;
        List<Integer> ids = pair.await(() -> pair.server.openStream().compose(first -> pair.server.openStream()
                .map(second -> List.of(first.id(), second.id()))));
        assertEquals(List.of(2, 4), ids);
    }

    @Test
    void fiftyConcurrentStreamsWithDifferentPayloads() {
        YamuxPair pair = pair(true);
        pair.onServerStream = YamuxSessionTest::echo;
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            payloads.add(randomBytes(1 + i * 7919, i));
        }
        List<Buffer> replies = pair.await(() -> {
            List<Future<Buffer>> all = new ArrayList<>();
            for (byte[] payload : payloads) {
                all.add(pair.client.openStream().compose(stream -> {
                    Future<Buffer> reply = readAll(stream);
                    stream.write(Buffer.buffer(payload));
                    stream.end();
                    return reply;
                }));
            }
            return Future.all(all).map(done -> all.stream().map(Future::result).toList());
        });
        for (int i = 0; i < payloads.size(); i++) {
            assertArrayEquals(payloads.get(i), replies.get(i).getBytes(), "stream " + i);
        }
    }

    @Test
    void tenMebibytesRespectTheWindows() {
        YamuxPair pair = pair(true);
        int size = 10 * 1024 * 1024;
        byte[] payload = randomBytes(size, 7);
        long[] maxBuffered = {0};
        Promise<Buffer> received = Promise.promise();
        pair.onServerStream = stream -> {
            Buffer all = Buffer.buffer(size);
            stream.handler(chunk -> {
                all.appendBuffer(chunk);
                maxBuffered[0] = Math.max(maxBuffered[0], stream.bufferedBytes());
                if (all.length() % (1024 * 1024) < chunk.length()) {
                    // a reader that stops now and then, so data really piles up against the window
                    stream.pause();
                    vertx.setTimer(1, id -> stream.resume());
                }
            });
            stream.endHandler(v -> received.complete(all));
        };
        Buffer echoed = pair.await(() -> pair.client.openStream().compose(stream -> {
            for (int at = 0; at < size; at += 100_000) {
                stream.write(Buffer.buffer(payload).getBuffer(at, Math.min(size, at + 100_000)));
            }
            return stream.end().compose(v -> received.future());
        }));
        assertArrayEquals(payload, echoed.getBytes());
        assertEquals(0, pair.windowViolations, "a Data frame went beyond the window the receiver granted");
        assertTrue(pair.largestDataFrame <= YamuxConfig.defaults().maxFrameBody());
        assertTrue(maxBuffered[0] <= YamuxConfig.BASE_WINDOW, "receiver buffered " + maxBuffered[0]);
        assertTrue(pair.serverSent.stream().anyMatch(f -> f.type() == YamuxFrameType.WINDOW_UPDATE && f.length() > 0));
    }

    @Test
    void pausedReaderFillsTheSendersQueueUntilItFetches() {
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults().withWriteQueueMaxBytes(64 * 1024), 3, true);
        YamuxStream[] serverStream = new YamuxStream[1];
        Buffer got = Buffer.buffer();
        pair.onServerStream = stream -> {
            serverStream[0] = stream;
            stream.pause();
            stream.handler(got::appendBuffer);
        };
        YamuxStream client = pair.await(() -> pair.client.openStream());
        int written = pair.await(() -> {
            int n = 0;
            while (!client.writeQueueFull()) {
                client.write(Buffer.buffer(new byte[16 * 1024]));
                n += 16 * 1024;
            }
            return Future.succeededFuture(n);
        });
        assertTrue(written >= YamuxConfig.BASE_WINDOW + 64 * 1024);
        // a ping round trip proves every frame so far has arrived and any window update would have come back
        pair.await(() -> pair.client.ping());
        assertTrue(pair.await(() -> Future.succeededFuture(client.writeQueueFull())), "paused reader must stall the writer");
        assertEquals(YamuxConfig.BASE_WINDOW, pair.await(() -> Future.succeededFuture(serverStream[0].bufferedBytes())));
        assertEquals(0, got.length());
        pair.await(() -> {
            Promise<Void> drained = Promise.promise();
            client.drainHandler(drained::tryComplete);
            serverStream[0].fetch(1000);
            return drained.future();
        });
        assertFalse(pair.await(() -> Future.succeededFuture(client.writeQueueFull())));
        assertTrue(got.length() > 0);
    }

    @Test
    void halfCloseInBothOrders() {
        for (boolean serverFirst : new boolean[] {false, true}) {
            YamuxPair pair = pair(true);
            Promise<Buffer> serverGot = Promise.promise();
            pair.onServerStream = stream -> {
                Future<Buffer> all = readAll(stream);
                all.onComplete(serverGot);
                Runnable reply = () -> stream.write(Buffer.buffer("world")).compose(v -> stream.end());
                if (serverFirst) {
                    reply.run();
                } else {
                    all.onSuccess(v -> reply.run()); // the server keeps writing after the client's FIN
                }
            };
            Buffer clientGot = pair.await(() -> pair.client.openStream().compose(stream -> {
                Future<Buffer> all = readAll(stream);
                if (serverFirst) {
                    // the client keeps writing after the server's FIN
                    return all.compose(b -> stream.write(Buffer.buffer("hello")).compose(v -> stream.end()).map(b));
                }
                stream.write(Buffer.buffer("hello"));
                stream.end();
                return all;
            }));
            assertEquals("world", clientGot.toString());
            assertEquals("hello", pair.await(serverGot::future).toString());
            assertEquals(0, pair.await(() -> Future.succeededFuture(pair.client.streamCount() + pair.server.streamCount())),
                    "both FINs close the stream on both sides");
        }
    }

    @Test
    void largerInitialWindowIsAnnouncedWithSynAndAck() {
        int window = 1024 * 1024;
        YamuxPair pair = new YamuxPair(vertx, YamuxConfig.defaults().withInitialWindow(window), 5, true);
        pair.onServerStream = YamuxSessionTest::echo;
        byte[] payload = randomBytes(3 * window, 11);
        Buffer echoed = pair.await(() -> pair.client.openStream().compose(stream -> {
            Future<Buffer> all = readAll(stream);
            stream.end(Buffer.buffer(payload));
            return all;
        }));
        assertArrayEquals(payload, echoed.getBytes());
        assertEquals(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, window - YamuxConfig.BASE_WINDOW), pair.clientSent.getFirst());
        assertEquals(YamuxFrame.windowUpdate(1, YamuxFrame.ACK, window - YamuxConfig.BASE_WINDOW), pair.serverSent.getFirst());
        assertEquals(0, pair.windowViolations);
    }
}
