package dev.granary.p2p.host;

import dev.granary.p2p.mss.NegotiationStep;
import dev.granary.p2p.yamux.YamuxStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.time.Duration;
import java.util.function.Function;

/** Runs multistream-select over a fresh yamux stream and turns the outcome into a {@link Libp2pStream}. */
final class StreamNegotiation {
    private StreamNegotiation() {
    }

    /**
     * @param start  the first bytes to send (dialer: header and proposal; listener: nothing)
     * @param onData the negotiator's step function
     */
    static Future<Libp2pStream> run(YamuxStream stream, Connection connection, Duration timeout,
                                    Buffer start, Function<Buffer, NegotiationStep> onData) {
        Context context = connection.context();
        Promise<Libp2pStream> promise = Promise.promise();
        long timer = context.owner().setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (promise.tryFail(new HostException("protocol negotiation timed out after " + timeout))) {
                stream.reset();
            }
        });
        promise.future().onComplete(ignored -> context.owner().cancelTimer(timer));
        stream.exceptionHandler(promise::tryFail);
        stream.endHandler(ignored -> promise.tryFail(new HostException("stream ended during protocol negotiation")));
        stream.handler(chunk -> {
            if (promise.future().isComplete()) {
                return;
            }
            NegotiationStep step = onData.apply(chunk);
            if (step.toSend().length() > 0) {
                stream.write(step.toSend());
            }
            if (step.isFailed()) {
                promise.tryFail(new HostException(step.failure()));
                stream.reset();
            } else if (step.isSelected()) {
                stream.pause();
                stream.handler(null);
                stream.endHandler(null);
                stream.exceptionHandler(null);
                promise.tryComplete(new Libp2pStream(stream, step.protocol(), connection, step.leftover()));
            }
        });
        if (start.length() > 0) {
            stream.write(start);
        }
        return promise.future();
    }
}
