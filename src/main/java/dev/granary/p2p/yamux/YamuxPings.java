package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ping requests and replies. A reply (ACK) is sent only for a request (SYN), echoing its value: js treats an
 * unsolicited ACK as a protocol error. An ACK we did not ask for is only logged, to stay lenient towards peers.
 */
final class YamuxPings {
    private static final Logger LOG = LoggerFactory.getLogger(YamuxPings.class);

    private final Consumer<YamuxFrame> out;
    private final Runnable answered;
    private final Map<Long, Outstanding> outstanding = new HashMap<>();
    private long nextOpaque;

    YamuxPings(Consumer<YamuxFrame> out, Runnable answered) {
        this.out = out;
        this.answered = answered;
    }

    Future<Long> ping() {
        long opaque = nextOpaque;
        nextOpaque = (nextOpaque + 1) & 0xFFFF_FFFFL;
        Outstanding request = new Outstanding(System.nanoTime(), Promise.promise());
        outstanding.put(opaque, request);
        out.accept(YamuxFrame.ping(YamuxFrame.SYN, opaque));
        return request.promise.future();
    }

    void onPing(YamuxFrame frame) {
        if (frame.flags() == YamuxFrame.SYN) {
            out.accept(YamuxFrame.ping(YamuxFrame.ACK, frame.length()));
            answered.run();
        } else if (frame.flags() == YamuxFrame.ACK) {
            Outstanding request = outstanding.remove(frame.length());
            if (request == null) {
                LOG.debug("yamux: ignoring ping reply {} we did not ask for", frame.length());
            } else {
                request.promise.tryComplete(System.nanoTime() - request.sentAt);
            }
        } else {
            LOG.debug("yamux: ignoring ping with flags 0x{}", Integer.toHexString(frame.flags()));
        }
    }

    void failAll(Throwable cause) {
        outstanding.values().forEach(request -> request.promise.tryFail(cause));
        outstanding.clear();
    }

    private record Outstanding(long sentAt, Promise<Long> promise) {
    }
}
