package dev.granary.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * The receiving side of the throughput runs: counts bytes without keeping them and, once the expected count has
 * arrived, answers with that count (8 bytes) so the sender's clock stops only when everything is through.
 * The count is known up front because a plain {@link io.vertx.core.net.NetSocket} cannot half-close.
 */
final class ByteSink {
    private ByteSink() {
    }

    /** {@code in} and {@code out} are the two sides of one stream or socket. */
    static void serve(ReadStream<Buffer> in, WriteStream<Buffer> out, long expected) {
        long[] received = {0};
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] == expected) {
                out.write(Buffer.buffer(8).appendLong(received[0]));
                out.end();
            }
        });
    }
}
