package dev.granary.bench;

import dev.granary.p2p.host.HostConfig;
import dev.granary.p2p.host.Libp2pHost;
import dev.granary.p2p.host.Libp2pStream;
import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The libp2p host's benchmarks, two hosts in one JVM on loopback: one stream's throughput over Noise and yamux next
 * to a plain Vert.x TCP transfer of the same bytes (same JVM, same run, so the ratio shows what the host costs),
 * and many small request/responses on concurrent streams of one connection.
 *
 * <p>Sender and receiver each get their own {@link Vertx}, as two processes would: in one Vert.x both ends of the
 * loopback connection can land on the same event loop, and then encryption and decryption take turns on one core
 * while the plain transfer, which has little to compute, hardly notices.
 */
public final class P2pBenchmark implements AutoCloseable {
    static final String SINK = "/granary/bench/sink/1.0.0";
    static final String ECHO = "/granary/bench/echo/1.0.0";
    private static final int CHUNK = 64 * 1024;
    private static final long TIMEOUT_MINUTES = 10;

    private final Vertx senderVertx;
    private final Vertx receiverVertx;
    private final Libp2pHost sender;
    private final Libp2pHost receiver;
    private final Multiaddr receiverAddress;
    private final Buffer chunk;
    private final EventLoopCpu senderCpu;
    private final EventLoopCpu receiverCpu;
    // bytes the sinks wait for before answering; set before each run, read on the receivers' event loops
    private volatile long expected;

    private P2pBenchmark(Vertx senderVertx, Vertx receiverVertx, Libp2pHost sender, Libp2pHost receiver) {
        this.senderVertx = senderVertx;
        this.receiverVertx = receiverVertx;
        this.sender = sender;
        this.receiver = receiver;
        this.receiverAddress = receiver.listenAddresses().get(0);
        this.senderCpu = EventLoopCpu.of(senderVertx);
        this.receiverCpu = EventLoopCpu.of(receiverVertx);
        byte[] random = new byte[CHUNK];
        new Random(1).nextBytes(random);
        this.chunk = Buffer.buffer(random);
        receiver.handle(SINK, stream -> ByteSink.serve(stream, stream, expected));
        receiver.handle(ECHO, stream -> stream.pipeTo(stream));
    }

    /** Starts both hosts, each in its own Vert.x; {@code maxStreams} must cover the concurrent-stream run. */
    public static P2pBenchmark start(Vertx senderVertx, Vertx receiverVertx, int maxStreams) throws Exception {
        HostConfig config = new HostConfig(List.of("/ip4/127.0.0.1/tcp/0"), HostConfig.DEFAULT_AGENT, 16,
                Math.max(256, maxStreams), Duration.ofSeconds(60), Duration.ofMinutes(5));
        Libp2pHost sender = Libp2pHost.create(senderVertx, Ed25519Identity.generate(), config);
        Libp2pHost receiver = Libp2pHost.create(receiverVertx, Ed25519Identity.generate(), config);
        sender.start().await(1, TimeUnit.MINUTES);
        receiver.start().await(1, TimeUnit.MINUTES);
        return new P2pBenchmark(senderVertx, receiverVertx, sender, receiver);
    }

    /** Sends {@code bytes} on one stream; the clock runs from the first write to the receiver's answer. */
    public Transfer p2pThroughput(long bytes) throws Exception {
        expected = bytes;
        // the stream (and the connection, the first time) is set up before the clock starts
        Libp2pStream stream = sender.newStream(receiverAddress, SINK).await(1, TimeUnit.MINUTES);
        long[] cpuBefore = cpuNow();
        double seconds = onContext(stream.context(), ignored -> {
            Future<Long> timed = timedTransfer(stream, bytes, stream::handler);
            return timed.onComplete(done -> stream.end());
        }).await(TIMEOUT_MINUTES, TimeUnit.MINUTES) / 1e9;
        return throughput("p2p noise+yamux", bytes, seconds, cpuBefore);
    }

    /** The same bytes over a plain Vert.x TCP connection: what the loopback and event loops can do at all. */
    public Transfer plainThroughput(long bytes) throws Exception {
        expected = bytes;
        NetServer server = receiverVertx.createNetServer()
                .connectHandler(socket -> ByteSink.serve(socket, socket, expected));
        NetClient client = senderVertx.createNetClient();
        try {
            int port = server.listen(0, "127.0.0.1").await(1, TimeUnit.MINUTES).actualPort();
            Context context = senderVertx.getOrCreateContext();
            NetSocket socket = onContext(context, ignored -> client.connect(port, "127.0.0.1"))
                    .await(1, TimeUnit.MINUTES);
            long[] cpuBefore = cpuNow();
            double seconds = onContext(context, ignored -> timedTransfer(socket, bytes, socket::handler))
                    .await(TIMEOUT_MINUTES, TimeUnit.MINUTES) / 1e9;
            socket.close();
            return throughput("plain tcp", bytes, seconds, cpuBefore);
        } finally {
            client.close().await(1, TimeUnit.MINUTES);
            server.close().await(1, TimeUnit.MINUTES);
        }
    }

    /** Opens {@code streams} streams at once, each echoing {@code size} bytes; all must come back whole. */
    public StreamRun concurrentStreams(int streams, int size) throws Exception {
        Buffer payload = chunk.slice(0, Math.min(size, CHUNK));
        long start = System.nanoTime();
        List<Future<Long>> runs = new ArrayList<>(streams);
        for (int i = 0; i < streams; i++) {
            runs.add(echoOnce(payload));
        }
        Future.all(runs).await(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        long total = System.nanoTime() - start;
        long[] latencies = runs.stream().mapToLong(Future::result).sorted().toArray();
        return new StreamRun(streams, payload.length(), total / 1e9, percentile(latencies, 0.50),
                percentile(latencies, 0.99));
    }

    private Future<Long> echoOnce(Buffer payload) {
        long start = System.nanoTime();
        return sender.newStream(receiverAddress, ECHO).compose(stream -> onContext(stream.context(), ignored -> {
            Future<Buffer> back = stream.readAll(payload.length());
            stream.write(payload);
            stream.end();
            return back;
        })).compose(back -> back.length() == payload.length()
                ? Future.succeededFuture(System.nanoTime() - start)
                : Future.failedFuture("echo returned " + back.length() + " of " + payload.length() + " bytes"));
    }

    /** Pumps the bytes and completes with the nanoseconds until the sink's 8-byte answer arrived. */
    private <S extends io.vertx.core.streams.WriteStream<Buffer>> Future<Long> timedTransfer(
            S out, long bytes, Function<io.vertx.core.Handler<Buffer>, ?> onReply) {
        Promise<Long> answered = Promise.promise();
        long start = System.nanoTime();
        onReply.apply(reply -> answered.tryComplete(System.nanoTime() - start));
        ChunkPump.send(out, chunk, bytes).onFailure(answered::tryFail);
        return answered.future();
    }

    private long[] cpuNow() {
        return new long[]{senderCpu.nanos(), receiverCpu.nanos()};
    }

    private Transfer throughput(String name, long bytes, double seconds, long[] cpuBefore) {
        long[] cpuAfter = cpuNow();
        return new Transfer(name, bytes, seconds, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Runs {@code work} on {@code context}: streams and sockets must only be touched from their own event loop. */
    private static <T> Future<T> onContext(Context context, Function<Void, Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> work.apply(null).onComplete(promise));
        return promise.future();
    }

    @Override
    public void close() throws Exception {
        sender.close().await(1, TimeUnit.MINUTES);
        receiver.close().await(1, TimeUnit.MINUTES);
    }

    /**
     * One throughput run: the rate, and each side's event-loop CPU per gigabyte moved, which shows the side that
     * limits the rate and what the protocol costs per byte whatever the machine's share of idle time.
     */
    public record Transfer(String name, long bytes, double seconds, long senderCpuNanos, long receiverCpuNanos) {
        public double bytesPerSecond() {
            return bytes / seconds;
        }

        public double senderSecondsPerGigabyte() {
            return senderCpuNanos / (double) bytes;
        }

        public double receiverSecondsPerGigabyte() {
            return receiverCpuNanos / (double) bytes;
        }

        public BenchResult result() {
            return new BenchResult(name, "bytes", bytes, seconds, String.format(
                    "%.1f MB/s  cpu per GB: sender %.3f s, receiver %.3f s", bytesPerSecond() / 1e6,
                    senderSecondsPerGigabyte(), receiverSecondsPerGigabyte()));
        }
    }

    /** Result of {@link #concurrentStreams}: wall time for all of them and the per-stream latency percentiles. */
    public record StreamRun(int streams, int size, double seconds, long p50Nanos, long p99Nanos) {
        public BenchResult result() {
            return new BenchResult("p2p concurrent streams", "streams", streams, seconds,
                    String.format("%d B echo each, p50 %.2f ms, p99 %.2f ms", size, p50Nanos / 1e6, p99Nanos / 1e6));
        }
    }
}
