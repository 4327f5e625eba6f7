package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MultistreamDecoderTest {
    private static Buffer hex(String hex) {
        return Buffer.buffer(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static String hexOf(Buffer buffer) {
        return HexFormat.of().formatHex(buffer.getBytes());
    }

    @Test
    void specByteExamples() {
        assertEquals("0d2f79616d75782f312e302e300a", hexOf(Multistream.encode("/yamux/1.0.0")));
        assertEquals("036e610a", hexOf(Multistream.encode("na")));
        assertEquals("036c730a", hexOf(Multistream.encode("ls")));
        assertEquals("0f", hexOf(Multistream.encode("/ipfs/id/1.0.0")).substring(0, 2));
        assertEquals("11", hexOf(Multistream.encode("/ipfs/ping/1.0.0")).substring(0, 2));
        assertEquals("0b", hexOf(Multistream.encode("/tls/1.0.0")).substring(0, 2));
        Buffer firstWrite = hex("13 2f6d756c746973747265616d2f312e302e30 0a 07 2f6e6f697365 0a");
        assertEquals(hexOf(firstWrite), hexOf(new DialerNegotiation(List.of("/noise")).start()));
        assertEquals(List.of("/multistream/1.0.0", "/noise"), MultistreamDecoder.withDefaults().decode(firstWrite));
    }

    @Test
    void messagesSplitAcrossChunksAreReassembled() {
        Buffer bytes = Multistream.encode("/multistream/1.0.0").appendBuffer(Multistream.encode("/ipfs/ping/1.0.0"));
        for (int split = 0; split <= bytes.length(); split++) {
            MultistreamDecoder decoder = MultistreamDecoder.withDefaults();
            List<String> first = decoder.decode(bytes.getBuffer(0, split));
            List<String> second = decoder.decode(bytes.getBuffer(split, bytes.length()));
            List<String> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            assertEquals(List.of("/multistream/1.0.0", "/ipfs/ping/1.0.0"), all, "split at " + split);
            assertEquals(MultistreamDecoder.State.READ_LENGTH, decoder.state());
        }
    }

    @Test
    void longestAllowedMessageUsesTwoLengthBytes() {
        String text = "/" + "a".repeat(1022);
        Buffer encoded = Multistream.encode(text);
        assertEquals("8008", hexOf(encoded.getBuffer(0, 2)));
        assertEquals(List.of(text), MultistreamDecoder.withDefaults().decode(encoded));
        assertThrows(MultistreamException.class, () -> Multistream.encode(text + "a"));
    }

    @Test
    void malformedMessagesAreTerminal() {
        assertBad("8108" + "61".repeat(1024) + "0a", "over the limit");
        assertBad("00", "empty");
        assertBad("8000", "minimally");
        assertBad("ffff01", "longer than 2");
        assertBad("03616263", "newline");
        assertBad("03ff610a", "UTF-8");
        assertBad("030a0a0a", "more than one newline");
    }

    private static void assertBad(String hex, String reason) {
        MultistreamDecoder decoder = MultistreamDecoder.withDefaults();
        MultistreamException e = assertThrows(MultistreamException.class, () -> decoder.decode(hex(hex)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(MultistreamDecoder.State.BAD_MESSAGE, decoder.state());
        assertThrows(MultistreamException.class, () -> decoder.decode(Multistream.encode("na")));
        assertThrows(MultistreamException.class, decoder::next);
    }

    @Test
    void remainingBytesAreHandedBackUntouched() {
        MultistreamDecoder decoder = MultistreamDecoder.withDefaults();
        decoder.feed(Multistream.encode("/noise").appendString("\u0000\u0001app"));
        assertEquals("/noise", decoder.next().orElseThrow());
        assertEquals("\u0000\u0001app", decoder.takeRemaining().toString());
        assertTrue(decoder.next().isEmpty());
        assertEquals(0, decoder.takeRemaining().length());
    }

    @Test
    void aPartialMessageIsPartOfTheRemainder() {
        MultistreamDecoder decoder = MultistreamDecoder.withDefaults();
        decoder.feed(hex("0d2f79616d"));
        assertTrue(decoder.next().isEmpty());
        assertEquals(MultistreamDecoder.State.READ_BODY, decoder.state());
        assertEquals("0d2f79616d", hexOf(decoder.takeRemaining()));
    }

    @Test
    void smallerLimitsAreHonoured() {
        MultistreamDecoder decoder = new MultistreamDecoder(10, 1);
        assertThrows(MultistreamException.class, () -> decoder.decode(Multistream.encode("/yamux/1.0.0")));
        assertThrows(IllegalArgumentException.class, () -> new MultistreamDecoder(0, 1));
    }
}
