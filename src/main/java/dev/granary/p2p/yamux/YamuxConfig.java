package dev.granary.p2p.yamux;

/**
 * Limits of one yamux session.
 *
 * @param maxStreams         open streams allowed per direction; an inbound SYN beyond it is refused with RST
 * @param initialWindow      per-stream receive window we grant; anything above the protocol's 256 KiB is announced
 *                           with the SYN/ACK frame, as the spec allows
 * @param maxWindow          upper bound for {@code initialWindow} (go and js cap windows at 16 MiB)
 * @param writeQueueMaxBytes default per-stream bytes waiting for send window before {@code writeQueueFull()}
 * @param maxFrameBody       largest Data payload we send, so that streams share the connection fairly (go: 64 KiB − 12)
 */
public record YamuxConfig(int maxStreams, int initialWindow, int maxWindow, int writeQueueMaxBytes, int maxFrameBody) {
    /** The window both sides assume for a new stream before any WindowUpdate. */
    public static final int BASE_WINDOW = 256 * 1024;

    public YamuxConfig {
        if (maxStreams < 1 || writeQueueMaxBytes < 1 || maxFrameBody < 1) {
            throw new IllegalArgumentException("yamux limits must be positive");
        }
        if (initialWindow < BASE_WINDOW || initialWindow > maxWindow) {
            throw new IllegalArgumentException("initial window must be within [256 KiB, maxWindow]");
        }
    }

    /** Values matching go-libp2p and js-libp2p (section 5.7 of the spec). */
    public static YamuxConfig defaults() {
        return new YamuxConfig(256, BASE_WINDOW, 16 * 1024 * 1024, 256 * 1024, 64 * 1024 - 12);
    }

    public YamuxConfig withMaxStreams(int value) {
        return new YamuxConfig(value, initialWindow, maxWindow, writeQueueMaxBytes, maxFrameBody);
    }

    public YamuxConfig withWriteQueueMaxBytes(int value) {
        return new YamuxConfig(maxStreams, initialWindow, maxWindow, value, maxFrameBody);
    }

    public YamuxConfig withInitialWindow(int value) {
        return new YamuxConfig(maxStreams, value, maxWindow, writeQueueMaxBytes, maxFrameBody);
    }
}
