package dev.granary.bench;

import dev.granary.piece.NodeHasher;

import dev.granary.piece.ParallelCommp;
import dev.granary.piece.PieceCommitment;
import dev.granary.piece.StreamingCommp;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * CommP throughput on an in-memory payload next to the machine's own SHA-256 limit. A piece of P padded bytes
 * has P/32 − 1 nodes, each a SHA-256 of 64 bytes, which is two compression blocks (data, then padding): 4·P
 * bytes of compression work, so CommP can at best run at a quarter of bulk SHA-256. The 64-byte node-hash rate
 * through {@link MessageDigest} is measured too: it is the real ceiling, since the JDK's per-digest overhead is
 * paid once per node.
 */
public final class CommpBenchmark {
    /** Segments are whole chunks of every chunk level, so retained slices never straddle two arrays. */
    private static final int SEGMENT = 127 << 23;

    /** Best of the runs, in payload bytes per second, and the piece (the same for every variant). */
    public record Throughput(double bytesPerSecond, PieceCommitment piece) {
    }

    private final List<byte[]> payload;
    private final long size;

    private CommpBenchmark(List<byte[]> payload, long size) {
        this.payload = payload;
        this.size = size;
    }

    /** A reproducible pseudo-random payload (SplitMix64 from a fixed seed), held in memory. */
    public static CommpBenchmark withPayload(long size) {
        List<byte[]> segments = new ArrayList<>();
        long state = 0x6772616e617279L;
        for (long left = size; left > 0; left -= SEGMENT) {
            byte[] segment = new byte[(int) Math.min(SEGMENT, left)];
            ByteBuffer view = ByteBuffer.wrap(segment);
            while (view.remaining() >= 8) {
                state += 0x9E3779B97F4A7C15L;
                view.putLong(mix(state));
            }
            while (view.hasRemaining()) {
                view.put((byte) mix(++state));
            }
            segments.add(segment);
        }
        return new CommpBenchmark(segments, size);
    }

    public long size() {
        return size;
    }

    /** Bulk SHA-256 over the payload on one thread, bytes per second. */
    public double sha256(int runs) {
        MessageDigest sha256 = sha256();
        double best = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            payload.forEach(sha256::update);
            sha256.digest();
            best = Math.max(best, size / seconds(start));
        }
        return best;
    }

    /** Tree nodes (64-byte SHA-256) per second on one thread, by CommP's own node path: its per-node floor. */
    public double nodeHashes(int runs) {
        NodeHasher hasher = new NodeHasher();
        byte[] data = payload.getFirst();
        int nodes = Math.min(data.length / 64, 1 << 22);
        byte[] out = new byte[32 * 1024];
        double best = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            for (int i = 0; i < nodes; i++) {
                hasher.hashAdjacent(data, 64 * i, out, 32 * (i & 1023));
            }
            best = Math.max(best, nodes / seconds(start));
        }
        return best;
    }

    /** CommP on the calling thread, fed straight from the payload arrays. */
    public Throughput streaming(int runs) {
        return best(runs, () -> {
            StreamingCommp calculator = new StreamingCommp();
            payload.forEach(calculator::update);
            return calculator.digest();
        });
    }

    /** CommP of the payload in 8 MiB subtrees on {@code threads} threads, reading the arrays in place. */
    public Throughput parallel(int threads, int runs) {
        try (ParallelCommp calculator = new ParallelCommp(threads)) {
            return best(runs, () -> {
                payload.forEach(segment -> calculator.updateRetained(ByteBuffer.wrap(segment)));
                return calculator.digest();
            });
        }
    }

    /** A short run of both calculators so the JIT has compiled the hot path before anything is timed. */
    public static void warmUp() {
        CommpBenchmark small = withPayload(16 << 20);
        small.streaming(2);
        small.parallel(2, 2);
        small.nodeHashes(1);
    }

    private interface Run {
        PieceCommitment run();
    }

    private Throughput best(int runs, Run run) {
        double best = 0;
        PieceCommitment piece = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            PieceCommitment result = run.run();
            best = Math.max(best, size / seconds(start));
            if (piece != null && !piece.equals(result)) {
                throw new IllegalStateException("CommP differs between runs: " + piece + " vs " + result);
            }
            piece = result;
        }
        return new Throughput(best, piece);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
