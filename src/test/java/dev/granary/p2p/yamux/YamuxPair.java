package dev.granary.p2p.yamux;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A client and a server session wired back to back in memory, as a socket would: each frame is delivered later, on
 * the same context, optionally cut into random chunks. Taps decode both directions to audit flow control: for each
 * stream and direction the sender's credit (256 KiB + granted updates − data sent) must never go negative.
 */
final class YamuxPair {
    final Context context;
    final YamuxSession client;
    final YamuxSession server;
    final List<YamuxFrame> clientSent = new ArrayList<>();
    final List<YamuxFrame> serverSent = new ArrayList<>();
    Consumer<YamuxStream> onServerStream = stream -> { };
    Consumer<YamuxStream> onClientStream = stream -> { };
    int largestDataFrame;
    int windowViolations;
    private final Random random;
    private final boolean chunking;
    private final Map<String, Long> credit = new HashMap<>();
    private final long initialCredit;

    YamuxPair(Vertx vertx, YamuxConfig config, long seed, boolean chunking) {
        this.context = vertx.getOrCreateContext();
        this.random = new Random(seed);
        this.chunking = chunking;
        this.initialCredit = YamuxConfig.BASE_WINDOW;
        YamuxSession[] sessions = new YamuxSession[2];
        this.client = new YamuxSession(YamuxSession.Role.CLIENT, config,
                link(() -> sessions[1], "c", clientSent), stream -> onClientStream.accept(stream));
        this.server = new YamuxSession(YamuxSession.Role.SERVER, config,
                link(() -> sessions[0], "s", serverSent), stream -> onServerStream.accept(stream));
        sessions[0] = client;
        sessions[1] = server;
    }

    /** Runs {@code body} on the sessions' context and waits (at most 30 s) for the future it returns. */
    <T> T await(Supplier<Future<T>> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                body.get().onComplete(ar -> {
                    if (ar.succeeded()) {
                        result.complete(ar.result());
                    } else {
                        result.completeExceptionally(ar.cause());
                    }
                });
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Feeds raw bytes to a session as if its peer had sent them. */
    void inject(YamuxSession target, Buffer raw) {
        await(() -> {
            target.receive(raw);
            return Future.succeededFuture();
        });
    }

    private Consumer<Buffer> link(Supplier<YamuxSession> to, String from, List<YamuxFrame> record) {
        YamuxDecoder tap = new YamuxDecoder(id -> Long.MAX_VALUE, frame -> audit(from, frame, record));
        return bytes -> {
            tap.decode(bytes.copy());
            for (Buffer chunk : split(bytes)) {
                context.runOnContext(v -> to.get().receive(chunk));
            }
        };
    }

    private void audit(String from, YamuxFrame frame, List<YamuxFrame> record) {
        record.add(frame);
        String peer = from.equals("c") ? "s" : "c";
        if (frame.type() == YamuxFrameType.DATA) {
            largestDataFrame = Math.max(largestDataFrame, frame.body().length());
            long left = credit.getOrDefault(from + frame.streamId(), initialCredit) - frame.body().length();
            credit.put(from + frame.streamId(), left);
            if (left < 0) {
                windowViolations++;
            }
        } else if (frame.type() == YamuxFrameType.WINDOW_UPDATE && !frame.has(YamuxFrame.RST)) {
            credit.merge(peer + frame.streamId(), initialCredit + frame.length(), (old, ignored) -> old + frame.length());
        }
    }

    private List<Buffer> split(Buffer bytes) {
        if (!chunking || bytes.length() < 2) {
            return List.of(bytes);
        }
        List<Buffer> chunks = new ArrayList<>();
        int at = 0;
        while (at < bytes.length()) {
            int n = 1 + random.nextInt(Math.min(bytes.length() - at, random.nextBoolean() ? 7 : 70_000));
            chunks.add(bytes.getBuffer(at, at + n));
            at += n;
        }
        return chunks;
    }
}
