package dev.granary.p2p.yamux;

import io.vertx.core.buffer.Buffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decoder reads bytes from strangers: any input in any chunking may only yield frames or our own
 * {@link YamuxProtocolException}; and valid frames survive any chunking unchanged.
 */
class YamuxDecoderFuzzProperties {
    private static final int TRIES = 10_000;

    @Provide
    Arbitrary<byte[]> wire() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        // mostly-valid headers with random fields reach the body and validation paths, not just the version check
        Arbitrary<byte[]> headers = Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 300), Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((type, flags, stream, length, tail) -> Buffer.buffer().appendByte((byte) 0).appendByte(type.byteValue())
                        .appendShort(flags.shortValue()).appendInt(stream).appendInt(length).appendBytes(tail).getBytes());
        return Arbitraries.oneOf(random, headers, headers.list().ofMaxSize(5).map(YamuxDecoderFuzzProperties::concat));
    }

    @Provide
    Arbitrary<List<YamuxFrame>> frames() {
        Arbitrary<Integer> stream = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
        Arbitrary<YamuxFrame> data = Combinators.combine(stream, flags, Arbitraries.bytes().array(byte[].class).ofMaxSize(100))
                .as((id, f, body) -> YamuxFrame.data(id, f, Buffer.buffer(body)));
        Arbitrary<YamuxFrame> update = Combinators.combine(stream, flags, Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                .as(YamuxFrame::windowUpdate);
        Arbitrary<YamuxFrame> ping = Combinators.combine(Arbitraries.of(YamuxFrame.SYN, YamuxFrame.ACK),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(YamuxFrame::ping);
        Arbitrary<YamuxFrame> goAway = Arbitraries.longs().between(0, 3).map(YamuxFrame::goAway);
        return Arbitraries.oneOf(data, update, ping, goAway).list().ofMaxSize(20);
    }

    @Property(tries = TRIES)
    void anyInputYieldsFramesOrOurException(@ForAll("wire") byte[] input, @ForAll long seed) {
        YamuxDecoder decoder = new YamuxDecoder(id -> 128, frame -> { });
        try {
            for (Buffer chunk : chunks(Buffer.buffer(input), seed)) {
                decoder.decode(chunk);
            }
        } catch (YamuxProtocolException expected) {
            // the only way the decoder may refuse
        }
    }

    @Property(tries = TRIES)
    void validFramesSurviveAnyChunking(@ForAll("frames") List<YamuxFrame> frames, @ForAll long seed) {
        Buffer wire = Buffer.buffer();
        frames.forEach(frame -> wire.appendBuffer(YamuxHeaderCodec.encode(frame)));
        List<YamuxFrame> decoded = new ArrayList<>();
        YamuxDecoder decoder = new YamuxDecoder(id -> Long.MAX_VALUE, decoded::add);
        for (Buffer chunk : chunks(wire, seed)) {
            decoder.decode(chunk);
        }
        assertEquals(frames, decoded);
    }

    private static List<Buffer> chunks(Buffer all, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Buffer> chunks = new ArrayList<>();
        for (int at = 0; at < all.length(); ) {
            int n = 1 + random.nextInt(Math.min(all.length() - at, 1 + random.nextInt(40)));
            chunks.add(all.getBuffer(at, at + n));
            at += n;
        }
        return chunks;
    }

    private static byte[] concat(List<byte[]> parts) {
        Buffer all = Buffer.buffer();
        parts.forEach(all::appendBytes);
        return all.getBytes();
    }
}
