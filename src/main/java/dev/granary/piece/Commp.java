package dev.granary.piece;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** CommP of whole payloads: byte arrays, streams and files. Blocking; keep it off event loops. */
public final class Commp {
    /** Mapped windows stay under 2 GiB (a ByteBuffer's limit) and are whole default chunks. */
    private static final long MAP_WINDOW = (long) (Fr32.QUAD_PAYLOAD << (ParallelCommp.DEFAULT_CHUNK_LEVEL - 2)) * 64;
    private static final int READ_BUFFER = 1 << 20;

    private Commp() {
    }

    public static PieceCommitment of(byte[] payload) {
        StreamingCommp calculator = new StreamingCommp();
        calculator.update(payload);
        return calculator.digest();
    }

    public static PieceCommitment of(InputStream in, int threads) throws IOException {
        try (CommpCalculator calculator = CommpCalculator.create(threads)) {
            byte[] buffer = new byte[READ_BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                calculator.update(buffer, 0, n);
            }
            return calculator.digest();
        }
    }

    /**
     * A regular file is memory-mapped and hashed in place on {@code threads} threads; anything else (a pipe, a
     * device) is read as a stream.
     */
    public static PieceCommitment ofFile(Path file, int threads) throws IOException {
        if (!Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return of(in, threads);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (threads <= 1) {
                return readSequentially(channel);
            }
            try (ParallelCommp calculator = new ParallelCommp(threads, chunkLevelFor(size, threads))) {
                for (long at = 0; at < size; at += MAP_WINDOW) {
                    calculator.updateRetained(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(MAP_WINDOW, size - at)));
                }
                return calculator.digest();
            }
        }
    }

    /** Chunks small enough that every thread gets a few, but never below one block nor above the default. */
    static int chunkLevelFor(long payloadBytes, int threads) {
        long perChunk = payloadBytes / (4L * threads);
        int level = perChunk < Fr32.QUAD_PAYLOAD ? 0 : 63 - Long.numberOfLeadingZeros(perChunk / Fr32.QUAD_PAYLOAD) + 2;
        return Math.clamp(level, ParallelCommp.MIN_CHUNK_LEVEL, ParallelCommp.DEFAULT_CHUNK_LEVEL);
    }

    private static PieceCommitment readSequentially(FileChannel channel) throws IOException {
        StreamingCommp calculator = new StreamingCommp();
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        while (channel.read(buffer.clear()) >= 0) {
            calculator.update(buffer.flip());
        }
        return calculator.digest();
    }
}
