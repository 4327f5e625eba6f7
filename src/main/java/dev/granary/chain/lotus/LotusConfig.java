package dev.granary.chain.lotus;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach a Lotus-compatible node ({@code chain.url}, {@code chain.token}) and how patient to be with it.
 *
 * @param url               the node's JSON-RPC v1 endpoint, {@code http(s)://host:port/rpc/v1} ({@code ws(s)://}
 *                          is read as the same endpoint); a bare {@code http://host:port} gets the {@code /rpc/v1} path. ChainNotify uses the same URL with
 *                          the {@code ws}/{@code wss} scheme.
 * @param token             a lotus API JWT sent as {@code Authorization: Bearer}; empty sends none (lotus then allows
 *                          read methods only). Pushing messages needs a token with the {@code sign} permission.
 * @param requestTimeout    limit for one attempt of an ordinary call, and for connecting
 * @param waitTimeout       limit for one {@code StateWaitMsg} attempt, which lotus holds open until the message
 *                          has its confirmations
 * @param retries           how many times a call is repeated after a transport failure (connect refused, reset,
 *                          timeout, HTTP 502/503/504); a message push is repeated only when it failed to connect
 * @param retryBackoff      delay before the first retry (and the first reconnect of the head subscription),
 *                          doubled for each further one
 * @param maxRetryBackoff   cap on that delay
 * @param confidence        epochs on top of a message's tipset that the node's callers wait for by default (lotus'
 *                          {@code build.MessageConfidence} is 5)
 * @param maxResponseBytes  largest response body (or ChainNotify message) read; a larger one fails the call
 * @param policy            chain policy constants the node's API does not report
 */
public record LotusConfig(URI url, String token, Duration requestTimeout, Duration waitTimeout, int retries,
                          Duration retryBackoff, Duration maxRetryBackoff, int confidence, int maxResponseBytes,
                          LotusPolicy policy) {
    public static final String RPC_PATH = "/rpc/v1";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofHours(1);
    public static final int DEFAULT_RETRIES = 4;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_RETRY_BACKOFF = Duration.ofSeconds(30);
    public static final int DEFAULT_CONFIDENCE = 5;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 << 20;

    public LotusConfig {
        url = normalize(Objects.requireNonNull(url, "url"));
        token = Objects.requireNonNull(token, "token").strip();
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("chain token must be a JWT (printable ASCII without spaces)");
        }
        requirePositive(requestTimeout, "request timeout");
        requirePositive(waitTimeout, "wait timeout");
        requirePositive(retryBackoff, "retry backoff");
        requirePositive(maxRetryBackoff, "max retry backoff");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        if (confidence < 0) {
            throw new IllegalArgumentException("confidence must not be negative, got " + confidence);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("max response size must be at least 1 KiB, got " + maxResponseBytes);
        }
        Objects.requireNonNull(policy, "policy");
    }

    /** Production defaults for a node at {@code url} (mainnet/calibnet policy). */
    public static LotusConfig of(String url, String token) {
        return new LotusConfig(URI.create(url), token, DEFAULT_REQUEST_TIMEOUT, DEFAULT_WAIT_TIMEOUT, DEFAULT_RETRIES,
                DEFAULT_RETRY_BACKOFF, DEFAULT_MAX_RETRY_BACKOFF, DEFAULT_CONFIDENCE, DEFAULT_MAX_RESPONSE_BYTES,
                LotusPolicy.MAINNET);
    }

    public LotusConfig withTimeouts(Duration request, Duration wait) {
        return new LotusConfig(url, token, request, wait, retries, retryBackoff, maxRetryBackoff, confidence,
                maxResponseBytes, policy);
    }

    public LotusConfig withRetries(int count, Duration backoff, Duration maxBackoff) {
        return new LotusConfig(url, token, requestTimeout, waitTimeout, count, backoff, maxBackoff, confidence,
                maxResponseBytes, policy);
    }

    public LotusConfig withMaxResponseBytes(int bytes) {
        return new LotusConfig(url, token, requestTimeout, waitTimeout, retries, retryBackoff, maxRetryBackoff,
                confidence, bytes, policy);
    }

    public LotusConfig withPolicy(LotusPolicy newPolicy) {
        return new LotusConfig(url, token, requestTimeout, waitTimeout, retries, retryBackoff, maxRetryBackoff,
                confidence, maxResponseBytes, newPolicy);
    }

    /** The ChainNotify endpoint: the RPC URL with the WebSocket scheme. */
    public URI webSocketUrl() {
        String scheme = url.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + url.toString().substring(url.getScheme().length()));
    }

    /** Delay before retry number {@code attempt} (1-based): exponential from {@link #retryBackoff}, capped. */
    public Duration backoff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = retryBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : delay;
    }

    /** Never prints the token: configs end up in logs. */
    @Override
    public String toString() {
        return "LotusConfig[url=" + url + ", token=" + (token.isEmpty() ? "none" : "<redacted>")
                + ", requestTimeout=" + requestTimeout + ", waitTimeout=" + waitTimeout + ", retries=" + retries
                + ", retryBackoff=" + retryBackoff + ", maxRetryBackoff=" + maxRetryBackoff
                + ", confidence=" + confidence + ", maxResponseBytes=" + maxResponseBytes + ", policy=" + policy + "]";
    }

    private static URI normalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        // lotus' FULLNODE_API_INFO usually names the WebSocket endpoint; calls go over HTTP to the same place
        scheme = switch (scheme) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> scheme;
        };
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("chain url must be http(s):// or ws(s)://, got '" + url + "'");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("chain url has no host: '" + url + "'");
        }
        if (url.getQuery() != null || url.getFragment() != null || url.getUserInfo() != null) {
            throw new IllegalArgumentException("chain url must not carry a query, fragment or user info "
                    + "(put the JWT in chain.token): '" + url.getHost() + "'");
        }
        String path = url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/") ? RPC_PATH : url.getPath();
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
