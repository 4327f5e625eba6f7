package dev.granary.ipld;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CidTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void pieceCidV1TextAndBytesAgree() {
        Cid cid = Cid.parse("baga6ea4seaqhwcjhi4krhl3ht6dewnwevkpxbepxy7p7onwgz65t52typbsysby");
        assertEquals("0181e2039220207b0927471513af679f864b36c4aa9f7091f7c7dff736c6cfbb3eea7878658907", HEX.formatHex(cid.bytes()));
        assertEquals(Multicodec.FIL_COMMITMENT_UNSEALED, cid.codec());
        assertEquals(Multicodec.SHA2_256_TRUNC254_PADDED, cid.multihash().code());
        assertEquals("baga6ea4seaqhwcjhi4krhl3ht6dewnwevkpxbepxy7p7onwgz65t52typbsysby", cid.toString());
    }

    @Test
    void sealedCidFromLotusBench() {
        Cid cid = Cid.parse("bagboea4b5abcbrshxgmmpaucffwp2elaofbcrvb7hmcu3653o4lsw2arlor4hn3c");
        assertEquals("0182e20381e80220c647b998c78282296cfd1160714228d43f3b054dfbbb77172b68115ba3c3b762", HEX.formatHex(cid.bytes()));
    }

    @Test
    void v0RoundTripsThroughBase58AndConvertsToV1() {
        Cid v0 = Cid.v0(Multihash.sha256("hello".getBytes()));
        assertEquals(46, v0.toString().length());
        assertEquals(v0, Cid.parse(v0.toString()));
        assertEquals(Multicodec.DAG_PB, v0.toV1().codec());
        assertArrayEquals(v0.multihash().bytes(), v0.bytes());
    }

    @Test
    void malformedInputIsRefusedWithAFormatError() {
        assertThrows(IpldFormatException.class, () -> Cid.parse("bAGA"));
        assertThrows(IpldFormatException.class, () -> Cid.fromBytes(new byte[]{1, 0x55, 0x12, 0x20, 1}));
        assertThrows(IpldFormatException.class, () -> Cid.fromBytes(new byte[]{2, 0x55, 0x00, 0x00}));
        assertThrows(IpldFormatException.class, () -> Varint.decode(new byte[]{(byte) 0x80, 0x00}, 0), "non-minimal");
    }
}
