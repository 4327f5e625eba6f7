package dev.granary.p2p.identity;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static dev.granary.p2p.identity.KeyVectors.*;
import static org.junit.jupiter.api.Assertions.*;

class PeerIdTest {
    @Test
    void specTextExamplesNameTheSameSha256PeerInBothForms() {
        PeerId fromCid = PeerId.parse("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe");
        PeerId fromBase58 = PeerId.parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        assertEquals(fromCid, fromBase58);
        assertEquals(fromCid.hashCode(), fromBase58.hashCode());
        assertEquals("12209dff3b17d74cf4d38a50d8b6383e92d181a10395a5e73a726dcccbd21bf6f0b9",
                HexFormat.of().formatHex(fromCid.bytes()));
        assertEquals("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", fromCid.toBase58());
        assertEquals("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe", fromBase58.toCid());
        assertTrue(fromCid.publicKey().isEmpty());
    }

    @Test
    void specEd25519ExampleIsAnInlinedKey() {
        PeerId id = PeerId.parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        String hex = HexFormat.of().formatHex(id.bytes());
        assertEquals(38, id.bytes().length);
        assertTrue(hex.startsWith("0024080112202ffa35a9"), hex);
        assertTrue(hex.endsWith("7eb1336b"), hex);
        assertEquals(KeyType.ED25519, id.publicKey().orElseThrow().type());
        assertEquals("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA", id.toString());
    }

    @Test
    void peerIdsOfTheSpecKeyVectors() {
        check(ED25519_PUBLIC, 36, "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq",
                "bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6");
        check(SECP256K1_PUBLIC, 37, "16Uiu2HAmLhLvBoYaoZfaMUKuibM6ac163GwKY74c5kiSLg5KvLpY",
                "bafzaajiiaijcca3xo7uzjzcsyilaj6i54cj44qk7kqzpoao5rti2pjx6udtdbp6kte");
        check(ECDSA_PUBLIC, 95, "QmVMT29id3TUASyfZZ6k9hmNyc2nYabCo4uMSpDw4zrgDk",
                "bafzbeidigywdclqvl5hxfefwp5onbffcfife7pza57mmfb4tiqmtkdjw64");
        check(RSA_PUBLIC, 555, "QmaeANgBs1DTSxWSrPPtobgQuxW8XTfsS4ydbK4rCHzqxG",
                "bafzbeifwzcumbiyql7bhv7fe7mixg6i7aohegq75k234m63bnw6dbicmzu");
    }

    private static void check(byte[] publicKey, int length, String base58, String cid) {
        assertEquals(length, publicKey.length);
        PeerId id = PeerId.fromPublicKey(publicKey);
        assertEquals(base58, id.toBase58());
        assertEquals(cid, id.toCid());
        assertEquals(id, PeerId.parse(base58));
        assertEquals(id, PeerId.parse(cid));
        assertEquals(id, PeerId.fromBytes(id.bytes()));
        assertTrue(id.matches(PublicKeys.decode(publicKey)));
        if (length <= 42) {
            assertEquals(PublicKeys.decode(publicKey), id.publicKey().orElseThrow());
        }
    }

    @Test
    void ed25519PeerIdBytesStartWithTheInlinedKeyHeader() {
        assertEquals("0024080112201ed1", HexFormat.of().formatHex(PeerId.fromPublicKey(ED25519_PUBLIC).bytes()).substring(0, 16));
        assertEquals("0025080212210377", HexFormat.of().formatHex(PeerId.fromPublicKey(SECP256K1_PUBLIC).bytes()).substring(0, 16));
    }

    @Test
    void rejectsWhatIsNotAPeerId() {
        // a CID of another codec (dag-pb), bad base58, unknown prefix, identity hash of a non-key, sha2-256 of the wrong length
        assertThrows(IdentityException.class, () -> PeerId.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"));
        assertThrows(IdentityException.class, () -> PeerId.parse("Qm0OIl"));
        assertThrows(IdentityException.class, () -> PeerId.parse("xyz"));
        assertThrows(IdentityException.class, () -> PeerId.parse(""));
        assertThrows(IdentityException.class, () -> PeerId.parse("1".repeat(200)));
        assertThrows(IdentityException.class, () -> PeerId.fromBytes(HexFormat.of().parseHex("0003010203")));
        assertThrows(IdentityException.class, () -> PeerId.fromBytes(HexFormat.of().parseHex("12020102")));
        assertThrows(IdentityException.class, () -> PeerId.fromBytes(new byte[0]));
        byte[] trailing = java.util.Arrays.copyOf(PeerId.fromPublicKey(ED25519_PUBLIC).bytes(), 39);
        assertThrows(IdentityException.class, () -> PeerId.fromBytes(trailing));
    }
}
