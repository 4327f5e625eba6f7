package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.granary.filecoin.market.MarketVectors.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DealLabelTest {
    @Test
    void theEmptyLabelIsEmptyText() {
        assertEquals("60", HEX.formatHex(Cbor.encode(DealLabel.CODEC, DealLabel.EMPTY)));
        assertEquals(DealLabel.EMPTY, DealLabel.text(""));
        assertNotEquals(DealLabel.EMPTY, DealLabel.bytes(new byte[0]));
    }

    @Test
    void kindsStayDistinctForTheSameContent() {
        DealLabel text = DealLabel.text("abc");
        DealLabel bytes = DealLabel.bytes("abc".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(text, bytes);
        assertTrue(text.isText());
        assertFalse(bytes.isText());
        assertEquals("63616263", HEX.formatHex(Cbor.encode(DealLabel.CODEC, text)));
        assertEquals("43616263", HEX.formatHex(Cbor.encode(DealLabel.CODEC, bytes)));
    }

    @Test
    void constructionCapsLabelsAt256BytesOfUtf8() {
        assertEquals(256, DealLabel.text("x".repeat(256)).byteLength());
        assertThrows(IllegalArgumentException.class, () -> DealLabel.text("x".repeat(257)));
        assertEquals(256, DealLabel.text("é".repeat(128)).byteLength());
        assertThrows(IllegalArgumentException.class, () -> DealLabel.text("é".repeat(129)), "129 characters, 258 bytes");
        assertEquals(256, DealLabel.bytes(new byte[256]).byteLength());
        assertThrows(IllegalArgumentException.class, () -> DealLabel.bytes(new byte[257]));
    }

    @Test
    void textWithoutUtf8FormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DealLabel.text("a\uD800b"));
    }

    @Test
    void theDecoderReadsOversizedLabelsSoValidationCanGiveTheReason() {
        byte[] bytes = Cbor.encode(DealLabel.CODEC, DealLabel.text("y".repeat(200)));
        byte[] oversized = HEX.parseHex("79012c" + "79".repeat(300)); // text of 300 bytes
        DealLabel label = Cbor.decode(DealLabel.CODEC, oversized);
        assertEquals(300, label.byteLength());
        assertFalse(label.isWithinLimit());
        assertArrayEquals(oversized, Cbor.encode(DealLabel.CODEC, label));
        assertTrue(Cbor.decode(DealLabel.CODEC, bytes).isWithinLimit());
    }

    @Test
    void theDecoderStopsAtTwoMebibytes() {
        byte[] atLimit = new byte[5 + DealLabel.MAX_DECODED_BYTES];
        System.arraycopy(HEX.parseHex("5a00200000"), 0, atLimit, 0, 5);
        assertEquals(DealLabel.MAX_DECODED_BYTES, Cbor.decode(DealLabel.CODEC, atLimit).byteLength());

        byte[] overLimit = Arrays.copyOf(HEX.parseHex("5a00200001"), 6 + DealLabel.MAX_DECODED_BYTES);
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(DealLabel.CODEC, overLimit));
        assertTrue(e.problem().contains("limit"), e.getMessage());
    }
}
