package dev.granary.p2p.host;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.util.Arrays;

/** {@code /ipfs/ping/1.0.0}: the dialer sends 32 random bytes, the listener echoes them, unframed. */
final class PingProtocol {
    static final String ID = "/ipfs/ping/1.0.0";
    static final int PAYLOAD_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PingProtocol() {
    }

    /** Listener: echo whole 32-byte payloads until the dialer's FIN, then FIN ourselves. */
    static void serve(Libp2pStream stream, Runnable answered) {
        Buffer[] held = {Buffer.buffer()};
        stream.endHandler(ignored -> stream.end());
        stream.exceptionHandler(ignored -> stream.reset());
        stream.handler(chunk -> {
            Buffer all = held[0].appendBuffer(chunk);
            int whole = all.length() / PAYLOAD_BYTES * PAYLOAD_BYTES;
            if (whole > 0) {
                stream.write(all.getBuffer(0, whole));
                for (int i = 0; i < whole / PAYLOAD_BYTES; i++) {
                    answered.run();
                }
                held[0] = all.getBuffer(whole, all.length());
            }
        });
    }

    /** Dialer: one round trip; completes with the round-trip time in nanoseconds. */
    static Future<Long> measure(Libp2pStream stream) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        RANDOM.nextBytes(payload);
        Promise<Long> promise = Promise.promise();
        Buffer answer = Buffer.buffer();
        long started = System.nanoTime();
        stream.exceptionHandler(promise::tryFail);
        stream.endHandler(ignored -> promise.tryFail(new HostException("ping stream ended after "
                + answer.length() + " bytes")));
        stream.handler(chunk -> {
            answer.appendBuffer(chunk);
            if (answer.length() >= PAYLOAD_BYTES) {
                long rtt = System.nanoTime() - started;
                if (Arrays.equals(answer.getBytes(0, PAYLOAD_BYTES), payload)) {
                    promise.tryComplete(rtt);
                    stream.end();
                } else {
                    promise.tryFail(new HostException("ping answer differs from the payload"));
                    stream.reset();
                }
            }
        });
        stream.write(Buffer.buffer(payload));
        return promise.future();
    }
}
