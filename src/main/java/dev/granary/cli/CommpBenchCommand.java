package dev.granary.cli;

import dev.granary.bench.CommpBenchmark;
import dev.granary.piece.SizeText;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "commp", mixinStandardHelpOptions = true,
        description = "CommP throughput on a deterministic in-memory payload, on 1 and N threads, next to this machine's "
                + "SHA-256 limit. CommP hashes 4 bytes of SHA-256 blocks per padded byte, so sha256/4 is its ceiling.")
public final class CommpBenchCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "512MiB", description = "Payload size, e.g. 1GiB (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--threads", description = "Threads for the parallel run (default: available processors).")
    Integer threads;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each measurement; the best is reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long bytes = payloadSize();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || runs < 1) {
            throw new ParameterException(spec.commandLine(), "--threads and --runs must be at least 1");
        }
        CommpBenchmark bench;
        try {
            bench = CommpBenchmark.withPayload(bytes);
        } catch (OutOfMemoryError e) {
            spec.commandLine().getErr().println("granary bench commp: not enough heap for a " + size + " payload; use a smaller --size or raise -Xmx");
            return ExitCodes.FAILED;
        }
        CommpBenchmark.warmUp();
        double sha256 = bench.sha256(runs) / 1e6;
        double nodes = bench.nodeHashes(runs);
        CommpBenchmark.Throughput one = bench.streaming(runs);
        CommpBenchmark.Throughput many = bench.parallel(n, runs);
        if (!one.piece().equals(many.piece())) {
            spec.commandLine().getErr().println("granary bench commp: 1 and " + n + " threads disagree: " + one.piece() + " vs " + many.piece());
            return ExitCodes.FAILED;
        }
        double oneMBps = one.bytesPerSecond() / 1e6;
        double manyMBps = many.bytesPerSecond() / 1e6;
        double ceiling = nodes * 32 * 127 / 128 / 1e6;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new JsonObject().put("payloadBytes", bytes).put("pieceCid", one.piece().cidV1().toString())
                    .put("sha256MBps", sha256).put("nodeHashesPerSecond", nodes).put("nodeHashCeilingMBps", ceiling)
                    .put("commp1MBps", oneMBps).put("ratio1", oneMBps / (sha256 / 4))
                    .put("threads", n).put("commpNMBps", manyMBps).put("speedup", manyMBps / oneMBps).encodePrettily());
        } else {
            out.printf("payload           %d bytes (%s), pieceCID %s%n", bytes, SizeText.format(bytes), one.piece().cidV1());
            out.printf("sha256            %8.1f MB/s  MessageDigest over large buffers, 1 thread%n", sha256);
            out.printf("node hash         %8.2f M/s   64-byte SHA-256 via %s; caps CommP at %.1f MB/s%n", nodes / 1e6,
                    dev.granary.piece.NodeHasher.path(), ceiling);
            out.printf("commp 1 thread    %8.1f MB/s  ratio commp/(sha256/4) = %.3f (goal >= 0.85), %.0f%% of the node-hash cap%n",
                    oneMBps, oneMBps / (sha256 / 4), 100 * oneMBps / ceiling);
            out.printf("commp %d %s   %8.1f MB/s  speedup %.2fx over the single-threaded calculator (goal >= 1.8x for 2)%n",
                    n, n == 1 ? "thread " : "threads", manyMBps, manyMBps / oneMBps);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private long payloadSize() {
        try {
            long bytes = SizeText.parse(size);
            if (bytes < 1 << 20) {
                throw new IllegalArgumentException("--size must be at least 1MiB to measure anything");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
