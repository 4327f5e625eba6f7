package dev.granary.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Writes {@code total} bytes as repeats of one chunk, stopping whenever the write queue is full and going on from
 * the drain handler, so the sender never holds more than the stream's own queue. Must run on the stream's context.
 */
final class ChunkPump {
    private final WriteStream<Buffer> out;
    private final Buffer chunk;
    private final Promise<Void> done = Promise.promise();
    private long remaining;

    private ChunkPump(WriteStream<Buffer> out, Buffer chunk, long total) {
        this.out = out;
        this.chunk = chunk;
        this.remaining = total;
    }

    /** Completes once the last chunk is handed to the stream (not when the peer has it). */
    static Future<Void> send(WriteStream<Buffer> out, Buffer chunk, long total) {
        ChunkPump pump = new ChunkPump(out, chunk, total);
        out.drainHandler(ignored -> pump.write());
        pump.write();
        return pump.done.future();
    }

    private void write() {
        while (remaining > 0 && !out.writeQueueFull()) {
            int length = (int) Math.min(chunk.length(), remaining);
            // the chunk is never changed, so the same bytes can be queued many times without copying
            out.write(length == chunk.length() ? chunk : chunk.slice(0, length));
            remaining -= length;
        }
        if (remaining == 0) {
            done.tryComplete();
        }
    }
}
