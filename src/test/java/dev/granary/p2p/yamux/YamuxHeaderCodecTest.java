package dev.granary.p2p.yamux;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Byte-exact headers from the spec's examples (section 5.1) and the validation go and js apply. */
class YamuxHeaderCodecTest {
    static String hex(YamuxFrame frame) {
        return HexFormat.of().formatHex(YamuxHeaderCodec.encode(frame).getBytes());
    }

    static YamuxFrame decode(String hex) {
        return YamuxHeaderCodec.decodeHeader(Buffer.buffer(HexFormat.of().parseHex(hex)), 0);
    }

    @Test
    void encodesTheSpecExamples() {
        assertEquals("000100010000000100000000", hex(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0)));
        assertEquals("000200010000000012345678", hex(YamuxFrame.ping(YamuxFrame.SYN, 0x12345678L)));
        assertEquals("000200020000000012345678", hex(YamuxFrame.ping(YamuxFrame.ACK, 0x12345678L)));
        assertEquals("000300000000000000000000", hex(YamuxFrame.goAway(0)));
        assertEquals("0000000400000003000000026869", hex(YamuxFrame.data(3, YamuxFrame.FIN, Buffer.buffer("hi"))));
    }

    @Test
    void writeHeaderWritesWhatEncodePutsFirst() {
        List<YamuxFrame> frames = List.of(YamuxFrame.windowUpdate(0xFFFF_FFFF, YamuxFrame.RST, 0xFFFF_FFFEL),
                YamuxFrame.ping(YamuxFrame.ACK, 0x8000_0001L), YamuxFrame.goAway(2),
                YamuxFrame.data(7, YamuxFrame.FIN | YamuxFrame.SYN, Buffer.buffer("body")));
        for (YamuxFrame frame : frames) {
            byte[] header = new byte[14];
            YamuxHeaderCodec.writeHeader(frame, header, 2);
            assertEquals(HexFormat.of().formatHex(YamuxHeaderCodec.encode(frame).getBytes(0, 12)),
                    HexFormat.of().formatHex(header, 2, 14), frame.toString());
        }
    }

    @Test
    void decodesUnsignedFields() {
        YamuxFrame frame = decode("00010008fffffffffffffffe");
        assertEquals(YamuxFrameType.WINDOW_UPDATE, frame.type());
        assertEquals(YamuxFrame.RST, frame.flags());
        assertEquals(0xFFFF_FFFFL, Integer.toUnsignedLong(frame.streamId()));
        assertEquals(0xFFFF_FFFEL, frame.length());
    }

    @Test
    void rejectsWhatGoAndJsRejectAsFatal() {
        assertThrows(YamuxProtocolException.class, () -> decode("010000000000000100000000")); // version
        assertThrows(YamuxProtocolException.class, () -> decode("000400000000000100000000")); // type
        assertThrows(YamuxProtocolException.class, () -> decode("000000000000000000000001")); // Data on 0
        assertThrows(YamuxProtocolException.class, () -> decode("000100000000000000000001")); // WindowUpdate on 0
        assertThrows(YamuxProtocolException.class, () -> decode("000200010000000100000001")); // Ping on 1
        assertThrows(YamuxProtocolException.class, () -> decode("000300000000000300000000")); // GoAway on 3
    }

    @Test
    void decoderReassemblesFramesSplitAnywhere() {
        Buffer wire = Buffer.buffer()
                .appendBuffer(YamuxHeaderCodec.encode(YamuxFrame.data(1, YamuxFrame.SYN, Buffer.buffer("hello"))))
                .appendBuffer(YamuxHeaderCodec.encode(YamuxFrame.ping(YamuxFrame.SYN, 5)))
                .appendBuffer(YamuxHeaderCodec.encode(YamuxFrame.data(1, YamuxFrame.FIN, Buffer.buffer())));
        for (int cut = 0; cut <= wire.length(); cut++) {
            List<YamuxFrame> frames = new ArrayList<>();
            YamuxDecoder decoder = new YamuxDecoder(id -> 10, frames::add);
            decoder.decode(wire.getBuffer(0, cut));
            decoder.decode(wire.getBuffer(cut, wire.length()));
            assertEquals(3, frames.size(), "cut at " + cut);
            assertEquals("hello", frames.get(0).body().toString());
            assertEquals(YamuxFrame.ping(YamuxFrame.SYN, 5), frames.get(1));
        }
    }

    @Test
    void decoderStopsForGoodAfterABadFrame() {
        List<YamuxFrame> frames = new ArrayList<>();
        YamuxDecoder decoder = new YamuxDecoder(id -> 4, frames::add);
        assertThrows(YamuxProtocolException.class,
                () -> decoder.decode(YamuxHeaderCodec.encode(YamuxFrame.data(1, 0, Buffer.buffer("too long")))));
        assertEquals(YamuxDecoder.State.BAD_MESSAGE, decoder.state());
        decoder.decode(YamuxHeaderCodec.encode(YamuxFrame.goAway(0)));
        assertEquals(List.of(), frames);
    }
}
