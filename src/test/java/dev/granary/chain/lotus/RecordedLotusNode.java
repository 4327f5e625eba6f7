package dev.granary.chain.lotus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A loopback HTTP + WebSocket server that answers lotus JSON-RPC calls with the recorded replies of
 * {@code src/test/resources/chain/lotus/} and remembers every call it got. It evaluates nothing: a test scripts which
 * reply (or which transport misbehaviour) each call gets; an unscripted call gets the recorded "ok" reply.
 */
final class RecordedLotusNode extends VerticleBase {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJBbGxvdyI6WyJyZWFkIiwid3JpdGUiLCJzaWduIl19.c2lnbmF0dXJl";

    /** A call as it arrived. */
    record Received(String method, JsonArray params, String authorization) {
    }

    /** What the node does with the next call of a method. */
    sealed interface Answer {
    }

    /** The named reply from the method's recording. */
    record Recorded(String name) implements Answer {
    }

    /** A JSON-RPC error reply. */
    record RpcFailure(long code, String message) implements Answer {
    }

    /** Any status and body, verbatim but for {@code "$ID"}, which becomes the request's id. */
    record Http(int status, String body) implements Answer {
    }

    /** The named recorded reply, after {@code millis}. */
    record Delayed(long millis, String name) implements Answer {
    }

    /** The named recorded reply followed by {@code bytes} of JSON whitespace (valid, just big). */
    record Padded(String name, int bytes) implements Answer {
    }

    /** Never answers. */
    record Silent() implements Answer {
    }

    /** A valid reply whose body is about {@code bytes} long, announced by Content-Length or sent chunked. */
    record Oversized(int bytes, boolean chunked) implements Answer {
    }

    /** Closes the connection without answering. */
    record Dropped() implements Answer {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, ConcurrentLinkedQueue<Answer>> scripts = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Subscriber> subscribers = new LinkedBlockingQueue<>();
    private final AtomicLong channels = new AtomicLong(100);
    private volatile int rejectWebSocketsWith;
    private final AtomicInteger rejectionsLeft = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private HttpServer server;

    static RecordedLotusNode deploy(Vertx vertx) throws Exception {
        RecordedLotusNode node = new RecordedLotusNode();
        vertx.deployVerticle(node).await(10, TimeUnit.SECONDS);
        return node;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer()
                .requestHandler(this::onRequest)
                .webSocketHandshakeHandler(this::onHandshake)
                .webSocketHandler(this::onSocket);
        return server.listen(0, "127.0.0.1");
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/rpc/v1";
    }

    LotusConfig lotusConfig() {
        return LotusConfig.of(url(), TOKEN)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    void script(String method, Answer... answers) {
        scripts.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String method) {
        return received.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The one call of {@code method} the node got. */
    Received only(String method) {
        List<Received> calls = received(method);
        if (calls.size() != 1) {
            throw new AssertionError("expected one call of " + method + ", got " + calls.size() + ": " + received());
        }
        return calls.getFirst();
    }

    /** The next {@code count} WebSocket handshakes are refused with {@code status}. */
    void rejectWebSockets(int status, int count) {
        rejectWebSocketsWith = status;
        rejectionsLeft.set(count);
    }

    int handshakes() {
        return handshakes.get();
    }

    /** The next ChainNotify subscription the node accepted. */
    Subscriber nextSubscriber() throws InterruptedException {
        Subscriber subscriber = subscribers.poll(10, TimeUnit.SECONDS);
        assertNotNull(subscriber, "no ChainNotify subscription arrived");
        return subscriber;
    }

    private Answer next(String method) {
        ConcurrentLinkedQueue<Answer> script = scripts.get(method);
        Answer answer = script == null ? null : script.poll();
        return answer == null ? new Recorded("ok") : answer;
    }

    private void onRequest(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            JsonObject call = body.toJsonObject();
            String method = call.getString("method");
            received.add(new Received(method, call.getJsonArray("params"), request.getHeader("Authorization")));
            Object id = call.getValue("id");
            switch (next(method)) {
                case Recorded recorded -> json(request, 200, envelope(id).mergeIn(Recordings.reply(method, recorded.name())));
                case RpcFailure failure -> json(request, 200, envelope(id)
                        .put("error", new JsonObject().put("code", failure.code()).put("message", failure.message())));
                case Http http -> request.response().setStatusCode(http.status())
                        .end(http.body().replace("\"$ID\"", String.valueOf(id)));
                case Delayed delayed -> vertx.setTimer(delayed.millis(),
                        t -> json(request, 200, envelope(id).mergeIn(Recordings.reply(method, delayed.name()))));
                case Padded padded -> request.response().putHeader("Content-Type", "application/json")
                        .end(envelope(id).mergeIn(Recordings.reply(method, padded.name())).encode() + " ".repeat(padded.bytes()));
                case Silent silent -> {
                }
                case Oversized oversized -> oversized(request, id, oversized);
                case Dropped dropped -> request.connection().close();
            }
        });
    }

    private static JsonObject envelope(Object id) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id);
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void oversized(HttpServerRequest request, Object id, Oversized oversized) {
        Buffer body = envelope(id).put("result", "A".repeat(oversized.bytes())).toBuffer();
        var response = request.response().putHeader("Content-Type", "application/json");
        if (!oversized.chunked()) {
            response.end(body);
            return;
        }
        response.setChunked(true);
        int chunk = 16 * 1024;
        for (int at = 0; at < body.length(); at += chunk) {
            response.write(body.slice(at, Math.min(body.length(), at + chunk)));
        }
        response.end();
    }

    private void onHandshake(ServerWebSocketHandshake handshake) {
        handshakes.incrementAndGet();
        if (rejectionsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            handshake.reject(rejectWebSocketsWith);
        } else {
            handshake.accept();
        }
    }

    private void onSocket(ServerWebSocket ws) {
        String authorization = ws.headers().get("Authorization");
        Context context = vertx.getOrCreateContext();
        ws.textMessageHandler(text -> {
            JsonObject call = new JsonObject(text);
            String method = call.getString("method");
            received.add(new Received(method, call.getJsonArray("params"), authorization));
            Object id = call.getValue("id");
            switch (next(method)) {
                case RpcFailure failure -> ws.writeTextMessage(envelope(id)
                        .put("error", new JsonObject().put("code", failure.code()).put("message", failure.message())).encode());
                case Silent silent -> {
                }
                case Dropped dropped -> ws.close();
                default -> {
                    long channel = channels.incrementAndGet();
                    Promise<Void> closed = Promise.promise();
                    ws.closeHandler(v -> closed.tryComplete());
                    ws.writeTextMessage(envelope(id).put("result", channel).encode())
                            .onSuccess(v -> subscribers.add(new Subscriber(ws, context, channel, authorization, closed.future())));
                }
            }
        });
    }

    /** One accepted ChainNotify subscription: the test pushes notifications through it. */
    record Subscriber(ServerWebSocket socket, Context context, long channel, String authorization, Future<Void> closed) {
        /** An xrpc.ch.val notification carrying the recorded head changes {@code name}. */
        void send(String name) {
            sendRaw(new JsonObject().put("jsonrpc", "2.0").put("method", "xrpc.ch.val")
                    .put("params", new JsonArray().add(channel).add(Recordings.headChanges(name))).encode());
        }

        void sendRaw(String text) {
            context.runOnContext(v -> socket.writeTextMessage(text));
        }

        void closeChannel() {
            sendRaw(new JsonObject().put("jsonrpc", "2.0").put("method", "xrpc.ch.close")
                    .put("params", new JsonArray().add(channel)).encode());
        }

        void drop() {
            context.runOnContext(v -> socket.close());
        }
    }
}
