package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainException;
import dev.granary.chain.ChainException.Kind;
import dev.granary.chain.lotus.LotusConfig;
import dev.granary.node.MessageCodecs;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Follows the chain head through {@code Filecoin.ChainNotify} over a WebSocket and publishes each change as a
 * {@link ChainEvent} on {@link ChainEvent#ADDRESS}.
 *
 * <p>go-jsonrpc's channel protocol: the call's result is a channel ID; the node then sends notifications
 * {@code {"method":"xrpc.ch.val","params":[chanId, [HeadChange...]]}} and, when it gives up the channel,
 * {@code {"method":"xrpc.ch.close","params":[chanId]}}. The first value holds one "current" change (the head at
 * subscription time); later ones hold "revert" changes followed by "apply" changes.
 *
 * <p>When the socket drops (or the node closes the channel) the follower resubscribes with exponential backoff, for
 * as long as it is open; {@link HeadTracker} keeps the events consistent across resubscriptions.
 *
 * <p>All state is confined to the context {@link #start()} was first called on.
 */
public final class HeadFollower {
    private static final Logger LOG = LoggerFactory.getLogger(HeadFollower.class);
    static final String CHAIN_NOTIFY = "Filecoin.ChainNotify";
    /** go-jsonrpc servers ping every 5 s and heads come every epoch; this much silence means a dead connection. */
    static final int SILENCE_LIMIT_SECONDS = 90;
    private static final int MAX_FRAME_BYTES = 1 << 20;

    private final Vertx vertx;
    private final LotusConfig config;
    private final WebSocketClient client;

    /** Set once by the first start() (from whichever thread); everything else happens on it. */
    private final AtomicReference<Context> context = new AtomicReference<>();
    private Future<Void> started;
    private boolean following;
    private boolean closed;
    private WebSocket socket;
    private long requestId;
    private Promise<Long> pendingSubscription;
    private Long channel;
    private final HeadTracker heads = new HeadTracker();
    private int failedReconnects;
    private long reconnectTimer = -1;

    public HeadFollower(Vertx vertx, LotusConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
                .setMaxFrameSize(Math.min(MAX_FRAME_BYTES, config.maxResponseBytes()))
                .setMaxMessageSize(config.maxResponseBytes())
                .setIdleTimeout(SILENCE_LIMIT_SECONDS)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
    }

    /**
     * Subscribes, trying as often as the config allows; completes once the node has accepted the subscription. The
     * follower lives on the caller's context (or a new one for a caller outside Vert.x) from then on.
     */
    public Future<Void> start() {
        context.compareAndSet(null, vertx.getOrCreateContext());
        return onContext(() -> {
            if (closed) {
                return Future.failedFuture(new ChainException(Kind.UNREACHABLE, "chain head subscription was closed"));
            }
            if (started == null) {
                Promise<Void> promise = Promise.promise();
                started = promise.future().onFailure(e -> started = null);
                firstSubscription(1, promise);
            }
            return started;
        });
    }

    public Future<Void> close() {
        if (context.get() == null) {
            closed = true;
            return client.close();
        }
        return onContext(() -> {
            closed = true;
            following = false;
            if (reconnectTimer >= 0) {
                vertx.cancelTimer(reconnectTimer);
                reconnectTimer = -1;
            }
            WebSocket open = socket;
            socket = null;
            failPending(new ChainException(Kind.UNREACHABLE, "chain head subscription closed"));
            Future<Void> socketClosed = open == null ? Future.succeededFuture() : open.close();
            return socketClosed.transform(ignored -> client.close());
        });
    }

    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        Context home = context.get();
        if (Vertx.currentContext() == home) {
            return action.get();
        }
        Promise<T> promise = Promise.promise();
        home.runOnContext(v -> action.get().onComplete(promise));
        return promise.future();
    }

    private void firstSubscription(int attempt, Promise<Void> promise) {
        subscribe().onComplete(done -> {
            if (done.succeeded()) {
                following = true;
                promise.tryComplete();
                return;
            }
            ChainException error = done.cause() instanceof ChainException e ? e
                    : new ChainException(Kind.UNREACHABLE, unreachable(String.valueOf(done.cause())), done.cause());
            if (closed || !error.retryable() || attempt > config.retries()) {
                promise.tryFail(error);
                return;
            }
            vertx.setTimer(config.backoff(attempt).toMillis(), t -> firstSubscription(attempt + 1, promise));
        });
    }

    /** Connects and calls ChainNotify; fails only with ChainException. */
    private Future<Void> subscribe() {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(config.webSocketUrl().toString())
                .setConnectTimeout(config.requestTimeout().toMillis());
        if (!config.token().isEmpty()) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + config.token());
        }
        return client.connect(options)
                .recover(e -> Future.failedFuture(connectFailure(e)))
                .compose(this::callChainNotify);
    }

    private Future<Void> callChainNotify(WebSocket ws) {
        if (closed) {
            ws.close();
            return Future.failedFuture(new ChainException(Kind.UNREACHABLE, "chain head subscription closed"));
        }
        socket = ws;
        channel = null;
        long id = ++requestId;
        Promise<Long> subscription = Promise.promise();
        pendingSubscription = subscription;
        ws.textMessageHandler(text -> onMessage(ws, id, text));
        ws.binaryMessageHandler(bytes -> onMessage(ws, id, bytes.toString(StandardCharsets.UTF_8)));
        ws.exceptionHandler(e -> LOG.debug("chain head socket: {}", e.toString()));
        ws.closeHandler(v -> onClosed(ws));
        JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", CHAIN_NOTIFY)
                .put("params", new JsonArray());
        ws.writeTextMessage(request.encode()).onFailure(e -> subscription.tryFail(
                new ChainException(Kind.UNREACHABLE, unreachable("connection lost (" + e.getMessage() + ")"), e)));
        long limit = config.requestTimeout().toMillis();
        long timer = vertx.setTimer(limit, t -> subscription.tryFail(
                new ChainException(Kind.UNREACHABLE, unreachable("no answer to " + CHAIN_NOTIFY + " within " + limit + " ms"))));
        return subscription.future()
                .andThen(done -> vertx.cancelTimer(timer))
                .<Void>map(chan -> {
                    channel = chan;
                    return null;
                })
                .onFailure(e -> {
                    if (socket == ws) {
                        socket = null;
                    }
                    ws.close();
                });
    }

    private void onMessage(WebSocket ws, long id, String text) {
        if (ws != socket) {
            return;
        }
        try {
            handle(id, RpcReply.parse(CHAIN_NOTIFY, Buffer.buffer(text)));
        } catch (ChainException e) {
            // a notification we cannot read may have been a head: start over rather than silently skip it
            LOG.warn("resubscribing to chain heads: {}", e.getMessage());
            failPending(e);
            ws.close();
        }
    }

    private void handle(long id, Object decoded) {
        JsonValue message = JsonValue.at(CHAIN_NOTIFY, "message", decoded);
        JsonValue method = message.field("method");
        if (method.isNull()) {
            answer(id, message);
            return;
        }
        String name = method.text(64);
        JsonValue params = message.field("params");
        switch (name) {
            case "xrpc.ch.val" -> {
                if (channel != null && params.index(0).int64() == channel) {
                    heads.events(TipSetJson.headChanges(params.index(1))).forEach(this::publish);
                }
            }
            case "xrpc.ch.close" -> {
                if (channel != null && params.index(0).int64() == channel) {
                    LOG.warn("chain node at {} closed the head channel; resubscribing", config.url());
                    socket.close();
                }
            }
            default -> LOG.debug("ignoring {} from the chain node", name);
        }
    }

    private void answer(long id, JsonValue response) {
        if (pendingSubscription == null || response.field("id").isNull() || response.field("id").int64() != id) {
            return;
        }
        JsonValue error = response.field("error");
        if (!error.isNull()) {
            RpcError rpcError = new RpcError(error.field("code").int64(), error.field("message").text(RpcReply.MAX_ERROR_CHARS));
            failPending(ChainErrors.rejected(CHAIN_NOTIFY, rpcError));
            return;
        }
        long chan = JsonValue.result(CHAIN_NOTIFY, response.field("result").raw()).int64();
        Promise<Long> subscription = pendingSubscription;
        pendingSubscription = null;
        subscription.tryComplete(chan);
    }

    private void publish(ChainEvent event) {
        vertx.eventBus().publish(ChainEvent.ADDRESS, event, MessageCodecs.LOCAL);
    }

    private void onClosed(WebSocket ws) {
        if (ws != socket) {
            return;
        }
        // a socket that closes while subscribing fails that subscription, whose caller decides what comes next;
        // only a live subscription that drops is resubscribed from here
        boolean wasLive = channel != null;
        socket = null;
        channel = null;
        failPending(new ChainException(Kind.UNREACHABLE, unreachable("connection closed before " + CHAIN_NOTIFY + " answered")));
        if (wasLive && following && !closed) {
            LOG.warn("chain head subscription to {} dropped; resubscribing", config.url());
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        failedReconnects++;
        long delay = config.backoff(failedReconnects).toMillis();
        reconnectTimer = vertx.setTimer(delay, t -> {
            reconnectTimer = -1;
            if (closed) {
                return;
            }
            subscribe().onComplete(done -> {
                if (done.succeeded()) {
                    LOG.info("chain head subscription to {} restored", config.url());
                    failedReconnects = 0;
                } else if (!closed) {
                    LOG.warn("resubscribing to chain heads failed: {}", done.cause().getMessage());
                    scheduleReconnect();
                }
            });
        });
    }

    private void failPending(ChainException error) {
        if (pendingSubscription != null) {
            Promise<Long> subscription = pendingSubscription;
            pendingSubscription = null;
            subscription.tryFail(error);
        }
    }

    private ChainException connectFailure(Throwable e) {
        if (e instanceof UpgradeRejectedException rejected) {
            int status = rejected.getStatus();
            if (status == 401 || status == 403) {
                return ChainErrors.tokenRejected(config.url(), CHAIN_NOTIFY, status);
            }
            if (status != 502 && status != 503 && status != 504) {
                return ChainErrors.unexpectedStatus(config.webSocketUrl(), CHAIN_NOTIFY, status);
            }
        }
        return new ChainException(Kind.UNREACHABLE, unreachable("cannot connect (" + e.getMessage() + ")"), e);
    }

    private String unreachable(String what) {
        return "chain node at " + config.webSocketUrl() + " is unreachable: " + what + " (" + CHAIN_NOTIFY + ")";
    }
}
