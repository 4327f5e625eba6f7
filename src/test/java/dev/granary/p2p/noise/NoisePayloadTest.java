package dev.granary.p2p.noise;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.BAD_PAYLOAD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoisePayloadTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The spec's Ed25519 PublicKey test vector. */
    private static final byte[] KEY = HEX.parseHex("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
    private static final byte[] SIG = HEX.parseHex("ab".repeat(64));

    @Test
    void ed25519PayloadHasTheDocumentedLayout() throws Exception {
        byte[] plain = new NoisePayload(KEY, SIG, Optional.empty()).encode();
        assertEquals(104, plain.length);
        assertEquals("0a24" + HEX.formatHex(KEY) + "1240" + "ab".repeat(64), HEX.formatHex(plain));

        byte[] withYamux = new NoisePayload(KEY, SIG, Optional.of(Handshakes.YAMUX)).encode();
        assertEquals(120, withYamux.length);
        assertEquals(HEX.formatHex(plain) + "220e120c" + HEX.formatHex("/yamux/1.0.0".getBytes()), HEX.formatHex(withYamux));

        NoisePayload decoded = NoisePayload.decode(withYamux);
        assertArrayEquals(KEY, decoded.identityKey());
        assertArrayEquals(SIG, decoded.identitySig());
        assertEquals(List.of("/yamux/1.0.0"), decoded.extensions().orElseThrow().streamMuxers());
        assertTrue(NoisePayload.decode(plain).extensions().isEmpty());
    }

    @Test
    void ed25519PublicKeyProtobufMatchesTheSpecVector() {
        assertArrayEquals(KEY, Ed25519KeyVerifier.publicKeyProtobuf(HEX.parseHex("1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e")));
    }

    @Test
    void unknownFieldsOfEveryWireTypeAreSkipped() throws Exception {
        String unknown = "18" + "ac02" + "29" + "0102030405060708" + "3d" + "01020304" + "5a03" + "616263";
        String unknownInExtensions = "1801" + "2a00";
        byte[] bytes = HEX.parseHex(unknown + "0a24" + HEX.formatHex(KEY) + "1240" + "ab".repeat(64)
                + "220d" + "1205" + "2f6d2f7631" + unknownInExtensions + "0a00");
        NoisePayload decoded = NoisePayload.decode(bytes);
        assertArrayEquals(KEY, decoded.identityKey());
        assertEquals(List.of("/m/v1"), decoded.extensions().orElseThrow().streamMuxers());
        assertEquals(1, decoded.extensions().orElseThrow().webtransportCerthashes().size());
    }

    @Test
    void malformedPayloadsAreRefused() {
        String key = "0a24" + HEX.formatHex(KEY);
        String sig = "1240" + "ab".repeat(64);
        List<String> bad = List.of(
                "",                                   // no fields at all
                key,                                  // no signature
                sig,                                  // no key
                key + sig + key,                      // duplicate identity_key
                key + sig + sig,                      // duplicate identity_sig
                key + sig + "2200" + "2200",          // duplicate extensions
                "0801" + key + sig,                   // field 1 as a varint
                key + sig + "2001",                   // extensions as a varint
                key + sig + "2202" + "1001",          // stream muxer as a varint
                key + sig + "2203" + "1201ff",        // stream muxer is not UTF-8
                key + "1241" + "ab".repeat(64),       // length past the end
                key + sig + "0b",                     // group wire type
                key + sig + "07",                     // field number 0
                key + sig + "18" + "ff".repeat(10) + "01", // varint too long
                key + sig + "18ff",                   // truncated varint
                key + sig + "29" + "0102");           // truncated fixed64
        for (String hex : bad) {
            NoiseHandshakeException e = assertThrows(NoiseHandshakeException.class, () -> NoisePayload.decode(HEX.parseHex(hex)), hex);
            assertEquals(BAD_PAYLOAD, e.reason(), hex);
        }
    }

    @Test
    void oversizedFieldsAreRefused() {
        String hugeKey = "0a" + "e910" + "00".repeat(2153);
        assertEquals(BAD_PAYLOAD, assertThrows(NoiseHandshakeException.class,
                () -> NoisePayload.decode(HEX.parseHex(hugeKey + "1240" + "ab".repeat(64)))).reason());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= NoiseExtensions.MAX_ENTRIES; i++) {
            many.append("1201").append("61");
        }
        String extensions = "22" + HEX.formatHex(new byte[]{(byte) (0x80 | (many.length() / 2 & 0x7f)), (byte) (many.length() / 2 >> 7)}) + many;
        assertEquals(BAD_PAYLOAD, assertThrows(NoiseHandshakeException.class,
                () -> NoisePayload.decode(HEX.parseHex("0a24" + HEX.formatHex(KEY) + "1240" + "ab".repeat(64) + extensions))).reason());
    }
}
