package dev.granary.bench;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every part of the p2p benchmark with tiny sizes so it keeps working; speed is not asserted. */
class P2pBenchmarkTest {
    @Test
    void runsEndToEndWithTinySizes() throws Exception {
        Vertx vertx = Vertx.vertx();
        Vertx other = Vertx.vertx();
        try (P2pBenchmark bench = P2pBenchmark.start(vertx, other, 300)) {
            long bytes = 200_000; // not a multiple of the chunk, so the short last write is covered
            P2pBenchmark.Transfer plain = bench.plainThroughput(bytes);
            assertEquals(bytes, plain.bytes());
            assertTrue(plain.senderCpuNanos() > 0 && plain.receiverCpuNanos() > 0, "both event loops did work");
            assertEquals(bytes, bench.p2pThroughput(bytes).bytes());
            assertEquals(bytes, bench.p2pThroughput(bytes).bytes(), "a second stream on the same connection");
            P2pBenchmark.StreamRun run = bench.concurrentStreams(300, 1024);
            assertEquals(300, run.streams());
            assertTrue(run.p50Nanos() <= run.p99Nanos());
            CipherCost.Rates cipher = CipherCost.measure(20);
            assertTrue(cipher.sealBytesPerSecond() > 0 && cipher.openBytesPerSecond() > 0);
        } finally {
            other.close().await(1, TimeUnit.MINUTES);
            vertx.close().await(1, TimeUnit.MINUTES);
        }
    }
}
