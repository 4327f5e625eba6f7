package dev.granary.cli;

import dev.granary.bench.BenchResult;
import dev.granary.bench.P2pBenchmark;
import dev.granary.piece.SizeText;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "p2p", mixinStandardHelpOptions = true,
        description = {"libp2p host on loopback: one stream's throughput over Noise+yamux next to plain Vert.x TCP",
                "with the same bytes (goal: p2p/plain >= 0.60), and many concurrent small echo streams on one connection."})
public final class P2pBenchCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "256MiB", description = "Bytes for each throughput run (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--streams", defaultValue = "1000", description = "Concurrent echo streams (default ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--echo-size", defaultValue = "1024", description = "Bytes each stream echoes (default ${DEFAULT-VALUE}).")
    int echoSize;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long bytes = SizeText.parse(size);
        // one event loop per side, as two single-threaded peers in separate processes would have
        Vertx senderVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Vertx receiverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        List<BenchResult> results = new ArrayList<>();
        P2pBenchmark.StreamRun run;
        try (P2pBenchmark bench = P2pBenchmark.start(senderVertx, receiverVertx, streams)) {
            // a smaller unreported round first, so neither side is measured while the JIT is still compiling
            long warmUp = Math.min(bytes, 32L << 20);
            bench.plainThroughput(warmUp);
            bench.p2pThroughput(warmUp);
            report(results, bench.plainThroughput(bytes));
            report(results, bench.p2pThroughput(bytes));
            run = bench.concurrentStreams(streams, echoSize);
            report(results, run.result());
        } finally {
            senderVertx.close().await(1, TimeUnit.MINUTES);
            receiverVertx.close().await(1, TimeUnit.MINUTES);
        }
        double ratio = results.get(1).perSecond() / results.get(0).perSecond();
        if (json) {
            JsonArray lines = new JsonArray();
            results.forEach(r -> lines.add(r.toJson()));
            System.out.println(new JsonObject().put("results", lines).put("ratios", new JsonObject().put("p2p/plain", ratio))
                    .put("streams", new JsonObject().put("count", run.streams()).put("seconds", run.seconds())
                            .put("p50Millis", run.p50Nanos() / 1e6).put("p99Millis", run.p99Nanos() / 1e6))
                    .encodePrettily());
        } else {
            System.out.printf("%-34s %.2fx (goal >= 0.60)%n", "p2p/plain", ratio);
        }
        return ExitCodes.OK;
    }

    private void report(List<BenchResult> results, BenchResult result) {
        results.add(result);
        if (!json) {
            System.out.println(result.line());
        }
    }
}
