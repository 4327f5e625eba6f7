package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainException;
import dev.granary.chain.lotus.LotusConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * JSON-RPC 2.0 calls to a lotus node over HTTP POST, with the bearer token, a time limit per attempt, a response size
 * limit, and retries with exponential backoff on transport failures. Everything runs on the caller's context (or one
 * made for a caller outside Vert.x); large answers are decoded on a worker so the event loop never parses megabytes.
 */
public final class JsonRpcClient {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcClient.class);
    /** Answers above this are parsed and mapped off the event loop. */
    static final int INLINE_DECODE_BYTES = 256 * 1024;
    /** Ordinary calls are short; StateWaitMsg holds its connection for minutes, so waits get their own pool. */
    private static final int CALL_CONNECTIONS = 16;
    private static final int WAIT_CONNECTIONS = 64;

    /** How a call may be repeated. */
    public enum Delivery {
        /** Reads: repeat on any transport failure. */
        IDEMPOTENT,
        /** Message pushes: repeat only when no connection was made, since the node may act on what it received. */
        AT_MOST_ONCE,
        /** StateWaitMsg: a read that lotus answers only once the message is confirmed; limited by the wait timeout. */
        LONG_POLL
    }

    private final Vertx vertx;
    private final LotusConfig config;
    private final HttpClientAgent calls;
    private final HttpClientAgent waits;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcClient(Vertx vertx, LotusConfig config) {
        this.vertx = vertx;
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
                .setKeepAlive(true);
        this.calls = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(CALL_CONNECTIONS));
        this.waits = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(WAIT_CONNECTIONS));
    }

    public <T> Future<T> call(String method, JsonArray params, Delivery delivery, Function<JsonValue, T> result) {
        return call(method, params, delivery, result, error -> Optional.empty());
    }

    /**
     * Calls {@code method}; {@code result} maps the answer. {@code knownErrors} turns lotus errors that are answers
     * (an unknown actor, a deal that is gone) into a value; every other lotus error fails the call.
     */
    public <T> Future<T> call(String method, JsonArray params, Delivery delivery, Function<JsonValue, T> result,
                              Function<RpcError, Optional<T>> knownErrors) {
        long id = ids.incrementAndGet();
        Buffer body = new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params)
                .toBuffer();
        if (Vertx.currentContext() != null) {
            return exchange(method, body, delivery, 1).compose(reply -> interpret(method, id, reply, result, knownErrors));
        }
        // outside Vert.x: run on one context so that the timers and the HTTP callbacks of an attempt never race
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> exchange(method, body, delivery, 1)
                .compose(reply -> interpret(method, id, reply, result, knownErrors))
                .onComplete(promise));
        return promise.future();
    }

    public Future<Void> close() {
        return Future.join(calls.close(), waits.close()).mapEmpty();
    }

    private record HttpReply(int status, Buffer body) {
    }

    private Future<HttpReply> exchange(String method, Buffer body, Delivery delivery, int attempt) {
        return attempt(method, body, delivery).recover(error -> {
            if (!(error instanceof TransportFailure failure)) {
                return Future.failedFuture(error);
            }
            if (delivery == Delivery.AT_MOST_ONCE && failure.mayHaveReachedNode()) {
                return Future.failedFuture(ChainErrors.unreachableAfterPush(config.url(), method, failure));
            }
            if (attempt > config.retries()) {
                return Future.failedFuture(ChainErrors.unreachable(config.url(), method, failure, attempt));
            }
            long delay = config.backoff(attempt).toMillis();
            LOG.debug("{} attempt {} failed ({}); retrying in {} ms", method, attempt, failure.getMessage(), delay);
            return vertx.timer(delay).compose(v -> exchange(method, body, delivery, attempt + 1));
        });
    }

    /** One POST. Fails with a TransportFailure for what a retry may fix, a ChainException for what it cannot. */
    private Future<HttpReply> attempt(String method, Buffer body, Delivery delivery) {
        Promise<HttpReply> promise = Promise.promise();
        long limit = (delivery == Delivery.LONG_POLL ? config.waitTimeout() : config.requestTimeout()).toMillis();
        Attempt attempt = new Attempt();
        long timer = vertx.setTimer(limit, t -> {
            if (promise.tryFail(TransportFailure.timeout(limit, attempt.request != null)) && attempt.request != null) {
                attempt.request.reset();
            }
        });
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.url().toString())
                .setConnectTimeout(config.requestTimeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (!config.token().isEmpty()) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + config.token());
        }
        (delivery == Delivery.LONG_POLL ? waits : calls).request(options).onComplete(connected -> {
            if (connected.failed()) {
                promise.tryFail(TransportFailure.connect(connected.cause()));
                return;
            }
            HttpClientRequest request = connected.result();
            if (promise.future().isComplete()) {
                request.reset();
                return;
            }
            attempt.request = request;
            request.send(body).onComplete(sent -> {
                if (sent.failed()) {
                    promise.tryFail(TransportFailure.lost(sent.cause()));
                } else {
                    read(method, sent.result(), promise);
                }
            });
        });
        return promise.future().andThen(done -> vertx.cancelTimer(timer));
    }

    /** Touched only on the attempt's context. */
    private static final class Attempt {
        HttpClientRequest request;
    }

    private void read(String method, HttpClientResponse response, Promise<HttpReply> promise) {
        int max = config.maxResponseBytes();
        // set first: a reset below surfaces here, and an unhandled one would be logged as an error
        response.exceptionHandler(e -> promise.tryFail(TransportFailure.lost(e)));
        String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > max) {
            promise.tryFail(ChainErrors.tooLarge(method, max));
            response.request().reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (promise.future().isComplete()) {
                return;
            }
            if ((long) body.length() + chunk.length() > max) {
                promise.tryFail(ChainErrors.tooLarge(method, max));
                response.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(v -> {
            int status = response.statusCode();
            if (status == 502 || status == 503 || status == 504) {
                promise.tryFail(TransportFailure.gateway(status, response.statusMessage()));
            } else {
                promise.tryComplete(new HttpReply(status, body));
            }
        });
    }

    private <T> Future<T> interpret(String method, long id, HttpReply reply, Function<JsonValue, T> result,
                                    Function<RpcError, Optional<T>> knownErrors) {
        int status = reply.status();
        if (status == 401 || status == 403) {
            return Future.failedFuture(ChainErrors.tokenRejected(config.url(), method, status));
        }
        // go-jsonrpc answers method errors with 200, parse errors with 500 and invalid requests with 400, all as JSON-RPC
        if (status != 200 && status != 400 && status != 500) {
            return Future.failedFuture(ChainErrors.unexpectedStatus(config.url(), method, status));
        }
        if (reply.body().length() <= INLINE_DECODE_BYTES) {
            try {
                return Future.succeededFuture(map(method, id, reply.body(), result, knownErrors));
            } catch (ChainException e) {
                return Future.failedFuture(e);
            }
        }
        return vertx.executeBlocking(() -> map(method, id, reply.body(), result, knownErrors), false);
    }

    private static <T> T map(String method, long id, Buffer body, Function<JsonValue, T> result,
                             Function<RpcError, Optional<T>> knownErrors) {
        return switch (RpcReply.decode(method, id, body)) {
            case RpcReply.Result ok -> result.apply(ok.value());
            case RpcReply.Failure failure -> knownErrors.apply(failure.error())
                    .orElseThrow(() -> ChainErrors.rejected(method, failure.error()));
        };
    }
}
