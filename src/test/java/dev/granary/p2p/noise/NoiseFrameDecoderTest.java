package dev.granary.p2p.noise;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.BROKEN;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.OVERSIZED_FRAME;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoiseFrameDecoderTest {
    private final List<Buffer> frames = new ArrayList<>();

    @Test
    void framesSplitAcrossChunksAndSeveralPerChunkAreReassembled() throws Exception {
        NoiseFrameDecoder decoder = new NoiseFrameDecoder(0, 65535);
        Buffer wire = Buffer.buffer().appendBuffer(NoiseFrameDecoder.frame("hello".getBytes()))
                .appendBuffer(NoiseFrameDecoder.frame(new byte[0]))
                .appendBuffer(NoiseFrameDecoder.frame("world!".getBytes()));
        decoder.feed(wire.slice(0, 1), frames::add);   // half a length prefix
        decoder.feed(wire.slice(1, 4), frames::add);   // rest of prefix, part of body
        assertEquals(0, frames.size());
        decoder.feed(wire.slice(4, wire.length()), frames::add);
        assertEquals(List.of("hello", "", "world!"), frames.stream().map(Buffer::toString).toList());
        assertTrue(decoder.isBetweenFrames());
        decoder.endOfStream();
    }

    @Test
    void largestFrameFitsAndTheLengthIsBigEndian() throws Exception {
        Buffer framed = NoiseFrameDecoder.frame(new byte[65535]);
        assertEquals(0xFF, framed.getUnsignedByte(0));
        assertEquals(0xFF, framed.getUnsignedByte(1));
        new NoiseFrameDecoder(0, 65535).feed(framed, frames::add);
        assertEquals(65535, frames.getFirst().length());
        assertEquals(OVERSIZED_FRAME, assertThrows(NoiseHandshakeException.class,
                () -> NoiseFrameDecoder.frame(new byte[65536])).reason());
    }

    @Test
    void framesOverTheLimitPoisonTheDecoder() throws Exception {
        NoiseFrameDecoder decoder = new NoiseFrameDecoder(0, 1000);
        NoiseHandshakeException e = assertThrows(NoiseHandshakeException.class,
                () -> decoder.feed(Buffer.buffer(new byte[]{0x03, (byte) 0xE9}), frames::add));
        assertEquals(OVERSIZED_FRAME, e.reason());
        assertEquals(NoiseFrameDecoder.State.BAD_MESSAGE, decoder.state());
        assertEquals(BROKEN, assertThrows(NoiseHandshakeException.class,
                () -> decoder.feed(NoiseFrameDecoder.frame(new byte[1]), frames::add)).reason());
        assertEquals(BROKEN, assertThrows(NoiseHandshakeException.class, decoder::endOfStream).reason());
    }

    @Test
    void framesUnderTheMinimumAreRefused() {
        NoiseFrameDecoder decoder = new NoiseFrameDecoder(16, 65535);
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class,
                () -> decoder.feed(Buffer.buffer(new byte[]{0, 15}), frames::add)).reason());
    }

    @Test
    void endOfStreamInsideAFrameIsTruncation() throws Exception {
        NoiseFrameDecoder inPrefix = new NoiseFrameDecoder(0, 65535);
        inPrefix.feed(Buffer.buffer(new byte[]{0}), frames::add);
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class, inPrefix::endOfStream).reason());

        NoiseFrameDecoder inBody = new NoiseFrameDecoder(0, 65535);
        inBody.feed(Buffer.buffer(new byte[]{0, 5, 1, 2}), frames::add);
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class, inBody::endOfStream).reason());
        assertTrue(frames.isEmpty());
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseFrameDecoder(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new NoiseFrameDecoder(0, 65536));
        assertThrows(IllegalArgumentException.class, () -> new NoiseFrameDecoder(11, 10));
    }
}
