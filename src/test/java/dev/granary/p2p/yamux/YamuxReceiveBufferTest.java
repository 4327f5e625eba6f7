package dev.granary.p2p.yamux;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Window grants and their tuning, on a hand-driven clock. */
class YamuxReceiveBufferTest {
    private static final int KIB = 1024;
    private final List<Long> grants = new ArrayList<>();
    private long now;
    private long rtt;

    private YamuxReceiveBuffer buffer(int initial, int max) {
        YamuxReceiveBuffer buffer = new YamuxReceiveBuffer(initial, max, () -> rtt, () -> now, grants::add);
        buffer.handler(data -> { });
        return buffer;
    }

    @Test
    void grantsOnlyWhatTheReaderTookOnceHalfTheWindowIsOwed() {
        YamuxReceiveBuffer buffer = buffer(256 * KIB, 16 * 1024 * KIB);
        buffer.onData(Buffer.buffer(new byte[100 * KIB]));
        assertEquals(List.of(), grants);
        buffer.onData(Buffer.buffer(new byte[28 * KIB]));
        assertEquals(List.of(128L * KIB), grants, "no round trip measured yet: no growth");
        assertEquals(256 * KIB, buffer.window());
    }

    @Test
    void doublesWhenHalfAWindowGoesWithinFourRoundTripsUpToTheMax() {
        rtt = 1_000_000;
        YamuxReceiveBuffer buffer = buffer(256 * KIB, 1024 * KIB);
        now += 3_000_000; // fast reader: half a window 3 ms after the start, under 4 round trips
        buffer.onData(Buffer.buffer(new byte[128 * KIB]));
        assertEquals(512 * KIB, buffer.targetWindow());
        assertEquals(128L * KIB + 256 * KIB, grants.getLast(), "the taken bytes plus the growth");
        now += 1_000_000;
        buffer.onData(Buffer.buffer(new byte[256 * KIB]));
        assertEquals(1024 * KIB, buffer.targetWindow());
        now += 1_000_000;
        buffer.onData(Buffer.buffer(new byte[512 * KIB]));
        assertEquals(1024 * KIB, buffer.targetWindow(), "capped at the maximum");
        assertEquals(512L * KIB, grants.getLast());
        assertEquals(1024 * KIB, buffer.window(), "the peer may send exactly the target window again");
    }

    @Test
    void aSlowExchangeKeepsTheWindow() {
        rtt = 1_000_000;
        YamuxReceiveBuffer buffer = buffer(256 * KIB, 16 * 1024 * KIB);
        now += 50_000_000; // half a window took 50 round trips: the window is not the limit
        buffer.onData(Buffer.buffer(new byte[128 * KIB]));
        assertEquals(256 * KIB, buffer.targetWindow());
        assertEquals(List.of(128L * KIB), grants);
    }

    @Test
    void aPausedReaderGrantsNothingSoTheWindowCannotGrow() {
        rtt = 1_000_000;
        YamuxReceiveBuffer buffer = buffer(256 * KIB, 16 * 1024 * KIB);
        buffer.pause();
        buffer.onData(Buffer.buffer(new byte[256 * KIB]));
        assertEquals(List.of(), grants);
        assertEquals(0, buffer.window());
        assertEquals(256 * KIB, buffer.bufferedBytes(), "held bytes never exceed what was granted");
    }
}
