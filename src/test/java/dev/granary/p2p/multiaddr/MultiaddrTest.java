package dev.granary.p2p.multiaddr;

import dev.granary.p2p.identity.PeerId;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

class MultiaddrTest {
    private static final String ED25519_ID = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";

    private static String hexOf(Multiaddr addr) {
        return HexFormat.of().formatHex(addr.bytes());
    }

    private static void vector(String text, String hex) {
        Multiaddr parsed = Multiaddr.parse(text);
        assertEquals(hex.replace(" ", ""), hexOf(parsed), text);
        assertEquals(text, parsed.toString());
        Multiaddr decoded = Multiaddr.fromBytes(HexFormat.of().parseHex(hex.replace(" ", "")));
        assertEquals(parsed, decoded);
        assertEquals(parsed.hashCode(), decoded.hashCode());
        assertEquals(text, decoded.toString());
    }

    @Test
    void specVectors() {
        vector("/ip4/127.0.0.1/tcp/4001/p2p/" + ED25519_ID,
                "04 7f000001 06 0fa1 a503 26 0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
        vector("/ip6/::1/tcp/4001", "29 00000000000000000000000000000001 06 0fa1");
        vector("/dns4/example.com/tcp/443", "36 0b 6578616d706c652e636f6d 06 01bb");
        String sha = hexOf(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/QmVMT29id3TUASyfZZ6k9hmNyc2nYabCo4uMSpDw4zrgDk"));
        assertTrue(sha.startsWith("047f000001060fa1a503221220"), sha);
        assertTrue(sha.endsWith("0d36f7"), sha);
    }

    @Test
    void cidAndIpfsFormsGiveTheSameBytes() {
        Multiaddr base58 = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + ED25519_ID);
        assertEquals(base58, Multiaddr.parse(
                "/ip4/127.0.0.1/tcp/4001/p2p/bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6"));
        Multiaddr ipfs = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/ipfs/" + ED25519_ID);
        assertEquals(base58, ipfs);
        assertEquals(base58.toString(), ipfs.toString());
    }

    @Test
    void otherProtocolsRoundTrip() {
        for (String text : new String[]{"/dns/example.com/tcp/1", "/dns6/host.example/tcp/65535", "/dnsaddr/bootstrap.libp2p.io",
                "/ip6/2001:db8::8a2e:370:7334/tcp/0", "/ip6/2001:db8:0:1:1:1:1:1/tcp/80", "/ip6/::/tcp/1",
                "/ip6/fe80::1:0:0:1/tcp/1", "/p2p/" + ED25519_ID, "/ip4/0.0.0.0/tcp/24001"}) {
            Multiaddr parsed = Multiaddr.parse(text);
            assertEquals(text, parsed.toString());
            assertEquals(parsed, Multiaddr.fromBytes(parsed.bytes()));
        }
        assertEquals("/ip6/::ffff:102:304/tcp/1", Multiaddr.parse("/ip6/::ffff:1.2.3.4/tcp/1").toString());
        assertEquals("/ip6/2001:db8::1/tcp/1", Multiaddr.parse("/ip6/2001:DB8:0:0:0:0:0:1/tcp/1").toString());
    }

    @Test
    void tcpTargetsForDialing() {
        assertEquals(new TcpTarget(Protocol.IP4, "10.0.0.1", 4001),
                Multiaddr.parse("/ip4/10.0.0.1/tcp/4001/p2p/" + ED25519_ID).tcpTarget().orElseThrow());
        assertEquals(new TcpTarget(Protocol.IP6, "::1", 80), Multiaddr.parse("/ip6/::1/tcp/80").tcpTarget().orElseThrow());
        assertEquals(new TcpTarget(Protocol.DNS4, "example.com", 443),
                Multiaddr.parse("/dns4/example.com/tcp/443").tcpTarget().orElseThrow());
        assertTrue(Multiaddr.parse("/p2p/" + ED25519_ID).tcpTarget().isEmpty());
        assertTrue(Multiaddr.parse("/dnsaddr/x.example").tcpTarget().isEmpty());
        assertTrue(Multiaddr.parse("/tcp/1/ip4/1.2.3.4").tcpTarget().isEmpty());
    }

    @Test
    void peerIdHelpers() {
        PeerId id = PeerId.parse(ED25519_ID);
        Multiaddr transport = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");
        assertTrue(transport.peerId().isEmpty());
        Multiaddr full = transport.withPeerId(id);
        assertEquals("/ip4/127.0.0.1/tcp/4001/p2p/" + ED25519_ID, full.toString());
        assertEquals(id, full.peerId().orElseThrow());
        assertSame(full, full.withPeerId(id));
        assertEquals(transport, full.withoutPeerId());
        PeerId other = PeerId.parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        assertThrows(MultiaddrException.class, () -> full.withPeerId(other));
    }

    @Test
    void malformedTextIsRefusedWithAReason() {
        String[] bad = {"", "ip4/1.2.3.4", "/", "/ip4", "/ip4/1.2.3", "/ip4/1.2.3.256", "/ip4/01.2.3.4", "/ip4/1.2.3.4/",
                "/ip4/1.2.3.4//tcp/1", "/ip4/+1.2.3.4", "/tcp/65536", "/tcp/-1", "/tcp/080", "/tcp/", "/udp/1",
                "/ip6/1.2.3.4", "/ip6/example.com", "/ip6/::1%eth0", "/ip6/1:2:3:4:5:6:7:8:9", "/ip6/:::",
                "/dns4/", "/dns4/a b", "/dns/" + "a".repeat(256), "/p2p/QmNotAPeer", "/p2p/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
                "/quic-v1", "/ip4/1.2.3.4/tcp/1".repeat(9)};
        for (String text : bad) {
            MultiaddrException e = assertThrows(MultiaddrException.class, () -> Multiaddr.parse(text), text);
            assertNotNull(e.getMessage());
        }
    }

    @Test
    void malformedBytesAreRefused() {
        String[] bad = {"", "04", "047f0000", "0600", "9102 0001", "29 0000", "36", "360b6578", "3600", "36 01 ff",
                "a503 03 000102", "a503 26 0024", "80", "ffffffffffffffffffff01", "06 0001 a503"};
        for (String hex : bad) {
            assertThrows(MultiaddrException.class, () -> Multiaddr.fromBytes(HexFormat.of().parseHex(hex.replace(" ", ""))), hex);
        }
        assertThrows(MultiaddrException.class, () -> Multiaddr.fromBytes(new byte[2000]));
    }
}
