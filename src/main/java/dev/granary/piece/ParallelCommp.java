package dev.granary.piece;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CommP on several threads. The piece is cut into aligned chunks of one power-of-two subtree each (8 MiB padded by
 * default); each chunk's root is computed independently on the pool and the roots are merged in order on the
 * caller's thread. Unlike one thread per tree level, this scales with the number of cores, and memory stays at
 * a few chunks in flight.
 *
 * <p>{@link #update(byte[], int, int)} copies into chunk buffers (the caller may reuse its array);
 * {@link #updateRetained(ByteBuffer)} hands out slices of the caller's buffer with no copy, for read-only data
 * such as a mapped file.
 */
public final class ParallelCommp implements CommpCalculator {
    /** 2^18 leaves = 8 MiB padded: folding the roots costs nothing, and a few such buffers are modest memory. */
    public static final int DEFAULT_CHUNK_LEVEL = 18;
    /** Chunk payloads must stay whole blocks and fit an array. */
    public static final int MIN_CHUNK_LEVEL = SubtreeHasher.BLOCK_LEVEL;
    public static final int MAX_CHUNK_LEVEL = 24;

    private record InFlight(Future<byte[]> root, int level, byte[] buffer) {
    }

    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final int parallelism;
    private final int chunkLevel;
    private final int chunkPayload;
    private final ConcurrentLinkedQueue<SubtreeHasher> idleHashers = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<byte[]> freeBuffers = new ArrayDeque<>();
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final NodeHasher foldHasher = new NodeHasher();
    private NodeStack stack = new NodeStack(foldHasher);
    private int buffersMade;
    private byte[] filling;
    private int fillingLength;
    private long total;

    public ParallelCommp(int threads) {
        this(threads, DEFAULT_CHUNK_LEVEL);
    }

    public ParallelCommp(int threads, int chunkLevel) {
        this(Executors.newFixedThreadPool(requirePositive(threads), daemonThreads()), threads, chunkLevel, true);
    }

    /** Hashes on a pool the caller owns, with at most {@code parallelism} chunks queued or running at once. */
    public ParallelCommp(ExecutorService executor, int parallelism, int chunkLevel) {
        this(executor, requirePositive(parallelism), chunkLevel, false);
    }

    private ParallelCommp(ExecutorService executor, int parallelism, int chunkLevel, boolean ownsExecutor) {
        if (chunkLevel < MIN_CHUNK_LEVEL || chunkLevel > MAX_CHUNK_LEVEL) {
            throw new IllegalArgumentException("chunk level must be within " + MIN_CHUNK_LEVEL + ".." + MAX_CHUNK_LEVEL + ": " + chunkLevel);
        }
        this.executor = Objects.requireNonNull(executor);
        this.parallelism = parallelism;
        this.chunkLevel = chunkLevel;
        this.chunkPayload = Fr32.QUAD_PAYLOAD << (chunkLevel - 2);
        this.ownsExecutor = ownsExecutor;
    }

    /** Payload bytes per chunk, {@code 127·2^(level−2)}. */
    public int chunkPayload() {
        return chunkPayload;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        total += length;
        while (length > 0) {
            if (filling == null) {
                filling = takeBuffer();
            }
            int taken = Math.min(length, chunkPayload - fillingLength);
            System.arraycopy(data, offset, filling, fillingLength, taken);
            fillingLength += taken;
            offset += taken;
            length -= taken;
            if (fillingLength == chunkPayload) {
                submitFilling();
            }
        }
    }

    @Override
    public void update(ByteBuffer data) {
        while (data.hasRemaining()) {
            if (filling == null) {
                filling = takeBuffer();
            }
            int taken = Math.min(data.remaining(), chunkPayload - fillingLength);
            data.get(filling, fillingLength, taken);
            fillingLength += taken;
            total += taken;
            if (fillingLength == chunkPayload) {
                submitFilling();
            }
        }
    }

    /**
     * Consumes the buffer's remaining bytes without copying whole chunks: their hashing reads {@code data} after this
     * returns, up to {@link #digest()}, so it must not change meanwhile.
     */
    public void updateRetained(ByteBuffer data) {
        if (fillingLength > 0) {
            ByteBuffer head = data.slice(data.position(), Math.min(data.remaining(), chunkPayload - fillingLength));
            data.position(data.position() + head.remaining());
            update(head);
        }
        while (data.remaining() >= chunkPayload) {
            while (inFlight.size() >= 2 * parallelism) {
                collectOldest();
            }
            ByteBuffer chunk = data.slice(data.position(), chunkPayload);
            data.position(data.position() + chunkPayload);
            total += chunkPayload;
            inFlight.add(new InFlight(executor.submit(() -> hashChunk(chunk)), chunkLevel, null));
        }
        update(data);
    }

    @Override
    public long payloadSize() {
        return total;
    }

    @Override
    public PieceCommitment digest() {
        if (fillingLength > 0) {
            submitFilling();
        }
        while (!inFlight.isEmpty()) {
            collectOldest();
        }
        PaddedPieceSize size = PaddedPieceSize.forPayload(total);
        PieceCommitment result = new PieceCommitment(Commitment.of(stack.root(size.height())), size, total);
        stack = new NodeStack(foldHasher);
        total = 0;
        return result;
    }

    @Override
    public void close() {
        inFlight.forEach(f -> f.root().cancel(true));
        inFlight.clear();
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private void submitFilling() {
        byte[] buffer = filling;
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, fillingLength);
        int level = fillingLength == chunkPayload ? chunkLevel : PaddedPieceSize.forPayload(fillingLength).height();
        inFlight.add(new InFlight(executor.submit(() -> hashChunk(chunk)), level, buffer));
        filling = null;
        fillingLength = 0;
    }

    private byte[] hashChunk(ByteBuffer chunk) {
        SubtreeHasher hasher = idleHashers.poll();
        if (hasher == null) {
            hasher = new SubtreeHasher();
        }
        try {
            return hasher.root(chunk);
        } finally {
            idleHashers.offer(hasher);
        }
    }

    /** One buffer per thread plus the one being filled keeps every thread busy while the caller copies. */
    private byte[] takeBuffer() {
        if (freeBuffers.isEmpty() && buffersMade <= parallelism) {
            buffersMade++;
            return new byte[chunkPayload];
        }
        while (freeBuffers.isEmpty()) {
            collectOldest();
        }
        return freeBuffers.pop();
    }

    private void collectOldest() {
        InFlight oldest = inFlight.removeFirst();
        stack.push(await(oldest.root()), 0, oldest.level());
        if (oldest.buffer() != null) {
            freeBuffers.push(oldest.buffer());
        }
    }

    private static byte[] await(Future<byte[]> root) {
        try {
            return root.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for chunk hashes");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("chunk hashing failed", e.getCause());
        }
    }

    private static int requirePositive(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        return threads;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "commp-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
