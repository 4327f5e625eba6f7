package dev.granary.cli;

import dev.granary.bench.BenchResult;
import dev.granary.bench.CipherCost;
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
import java.util.function.ToDoubleFunction;

@Command(name = "p2p", mixinStandardHelpOptions = true,
        description = {"libp2p host on loopback: one stream's throughput over Noise+yamux next to plain Vert.x TCP",
                "with the same bytes (goal: p2p/plain >= 0.60), and many concurrent small echo streams on one connection.",
                "After two unreported warm-up rounds, --rounds alternating plain/p2p rounds; the ratio is of the medians."})
public final class P2pBenchCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "1GiB", description = "Bytes for each throughput run (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Measured rounds of plain then p2p; the ratio is of the medians (default ${DEFAULT-VALUE}).")
    int rounds;

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
        if (rounds < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--rounds must be >= 1");
        }
        List<BenchResult> results = new ArrayList<>();
        List<P2pBenchmark.Transfer> plain = new ArrayList<>();
        List<P2pBenchmark.Transfer> p2p = new ArrayList<>();
        P2pBenchmark.StreamRun run;
        try (P2pBenchmark bench = P2pBenchmark.start(senderVertx, receiverVertx, streams)) {
            // unreported rounds first, whatever --size says: on two cores the JIT's compiler threads compete with
            // the event loops, 32 MiB of warm-up left C2 compiling the cipher path well into the measured p2p run,
            // and plain TCP's receiving side only reaches full speed after some 500 MiB
            long warmUp = 1L << 30;
            for (int i = 0; i < 2; i++) {
                bench.plainThroughput(warmUp);
                bench.p2pThroughput(warmUp);
            }
            // alternating rounds, so that a noisy second on a shared machine hits both kinds alike
            for (int i = 0; i < rounds; i++) {
                P2pBenchmark.Transfer plainRun = bench.plainThroughput(bytes);
                P2pBenchmark.Transfer p2pRun = bench.p2pThroughput(bytes);
                report(results, plainRun.result());
                report(results, p2pRun.result());
                plain.add(plainRun);
                p2p.add(p2pRun);
            }
            run = bench.concurrentStreams(streams, echoSize);
            report(results, run.result());
        } finally {
            senderVertx.close().await(1, TimeUnit.MINUTES);
            receiverVertx.close().await(1, TimeUnit.MINUTES);
        }
        double plainRate = median(plain, P2pBenchmark.Transfer::bytesPerSecond);
        double p2pRate = median(p2p, P2pBenchmark.Transfer::bytesPerSecond);
        double ratio = p2pRate / plainRate;
        Ceiling ceiling = Ceiling.of(plain, CipherCost.measure(1000), Runtime.getRuntime().availableProcessors());
        if (json) {
            JsonArray lines = new JsonArray();
            results.forEach(r -> lines.add(r.toJson()));
            System.out.println(new JsonObject().put("results", lines).put("ratios", new JsonObject().put("p2p/plain", ratio)
                            .put("ceiling/plain", ceiling.bytesPerSecond() / plainRate))
                    .put("ceiling", ceiling.toJson())
                    .put("streams", new JsonObject().put("count", run.streams()).put("seconds", run.seconds())
                            .put("p50Millis", run.p50Nanos() / 1e6).put("p99Millis", run.p99Nanos() / 1e6))
                    .encodePrettily());
        } else {
            System.out.printf("%-34s %.2fx (medians of %d rounds: %.1f / %.1f MB/s; goal >= 0.60)%n", "p2p/plain", ratio,
                    rounds, p2pRate / 1e6, plainRate / 1e6);
            System.out.println(ceiling.line(plainRate));
        }
        return ExitCodes.OK;
    }

    static double median(List<P2pBenchmark.Transfer> runs, ToDoubleFunction<P2pBenchmark.Transfer> value) {
        List<Double> sorted = runs.stream().map(value::applyAsDouble).sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * The fastest any Noise transport could go here: each side needs at least the plain transfer's CPU per byte plus
     * the cipher's, one core each, and together they cannot use more cores than the machine has.
     */
    record Ceiling(double plainSender, double plainReceiver, CipherCost.Rates cipher, int cores) {
        static Ceiling of(List<P2pBenchmark.Transfer> plain, CipherCost.Rates cipher, int cores) {
            return new Ceiling(median(plain, P2pBenchmark.Transfer::senderSecondsPerGigabyte),
                    median(plain, P2pBenchmark.Transfer::receiverSecondsPerGigabyte), cipher, cores);
        }

        double bytesPerSecond() {
            double sender = plainSender + cipher.sealSecondsPerGigabyte();
            double receiver = plainReceiver + cipher.openSecondsPerGigabyte();
            double gigabytesPerSecond = Math.min(1 / Math.max(sender, receiver), cores / (sender + receiver));
            return gigabytesPerSecond * 1e9;
        }

        String line(double plainRate) {
            return String.format("%-34s %.1f MB/s = %.2fx plain: plain cpu per GB (sender %.3f s, receiver %.3f s) "
                            + "+ ChaCha20-Poly1305 alone (seal %.0f MB/s, open %.0f MB/s per core), %d cores",
                    "p2p ceiling on this machine", bytesPerSecond() / 1e6, bytesPerSecond() / plainRate,
                    plainSender, plainReceiver, cipher.sealBytesPerSecond() / 1e6, cipher.openBytesPerSecond() / 1e6,
                    cores);
        }

        JsonObject toJson() {
            return new JsonObject().put("bytesPerSecond", Math.round(bytesPerSecond()))
                    .put("plainSenderCpuSecondsPerGB", plainSender).put("plainReceiverCpuSecondsPerGB", plainReceiver)
                    .put("sealBytesPerCpuSecond", Math.round(cipher.sealBytesPerSecond()))
                    .put("openBytesPerCpuSecond", Math.round(cipher.openBytesPerSecond())).put("cores", cores);
        }
    }

    private void report(List<BenchResult> results, BenchResult result) {
        results.add(result);
        if (!json) {
            System.out.println(result.line());
        }
    }
}
