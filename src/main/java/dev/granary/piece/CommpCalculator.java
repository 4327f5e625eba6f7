package dev.granary.piece;

import java.nio.ByteBuffer;

/**
 * CommP of a payload of any length, fed in pieces: zero-padded to the smallest valid piece (payloads under 127
 * bytes fill one 128-byte piece). {@link #digest()} returns the result and starts over. Hashing is CPU-bound and
 * blocking: call it from a worker ({@code executeBlocking}), never from an event loop. Not thread-safe.
 */
public sealed interface CommpCalculator extends AutoCloseable permits StreamingCommp, ParallelCommp {
    /** One thread hashes on the caller's thread; more hash chunks of the piece on a pool of that many threads. */
    static CommpCalculator create(int threads) {
        return threads <= 1 ? new StreamingCommp() : new ParallelCommp(threads);
    }

    void update(byte[] data, int offset, int length);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Consumes the buffer's remaining bytes. */
    void update(ByteBuffer data);

    /** Payload bytes received since the last digest. */
    long payloadSize();

    PieceCommitment digest();

    /** Releases threads this calculator started; no-op for the single-threaded one. */
    @Override
    void close();
}
