package dev.granary.p2p.host;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/** Waiting with deadlines and the echo exchange shared by the host tests. */
final class HostTesting {
    static final String ECHO = "/granary/test/echo/1.0.0";
    private static final int CHUNK = 64 * 1024;

    private HostTesting() {
    }

    static <T> T await(Future<T> future) throws Exception {
        return await(future, 30);
    }

    static <T> T await(Future<T> future, int seconds) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    }

    /** Echo server: every byte back, FIN after the peer's FIN; pipeTo keeps to the yamux windows. */
    static void serveEcho(Libp2pStream stream) {
        stream.pipeTo(stream);
    }

    /** Sends {@code data} (honouring back-pressure), then FIN; completes with all bytes the peer sent back. */
    static Future<Buffer> echo(Libp2pStream stream, byte[] data) {
        Future<Buffer> back = stream.readAll(data.length);
        writeAll(stream, Buffer.buffer(data), 0);
        return back;
    }

    private static void writeAll(Libp2pStream stream, Buffer data, int from) {
        int offset = from;
        while (offset < data.length()) {
            int end = Math.min(offset + CHUNK, data.length());
            stream.write(data.getBuffer(offset, end));
            offset = end;
            if (stream.writeQueueFull()) {
                int next = offset;
                stream.drainHandler(ignored -> writeAll(stream, data, next));
                return;
            }
        }
        stream.end();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
