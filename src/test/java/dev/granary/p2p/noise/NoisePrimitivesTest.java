package dev.granary.p2p.noise;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pins our use of the JDK primitives to published test vectors, since libp2p Noise ships none of its own. */
class NoisePrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void x25519MatchesRfc7748FunctionVector() throws Exception {
        X25519.KeyPair25519 pair = X25519.fromPrivate(HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"));
        byte[] shared = X25519.dh(pair.privateKey(), HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
        assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552", HEX.formatHex(shared));
    }

    @Test
    void x25519MatchesRfc7748DiffieHellmanVector() throws Exception {
        X25519.KeyPair25519 alice = X25519.fromPrivate(HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        X25519.KeyPair25519 bob = X25519.fromPrivate(HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", HEX.formatHex(alice.publicKey()));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", HEX.formatHex(bob.publicKey()));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, HEX.formatHex(X25519.dh(alice.privateKey(), bob.publicKey())));
        assertEquals(shared, HEX.formatHex(X25519.dh(bob.privateKey(), alice.publicKey())));
    }

    @Test
    void x25519RefusesSmallOrderAndWrongLengthKeys() {
        X25519.KeyPair25519 pair = X25519.generate();
        NoiseHandshakeException zero = assertThrows(NoiseHandshakeException.class, () -> X25519.dh(pair.privateKey(), new byte[32]));
        assertEquals(NoiseHandshakeException.Reason.BAD_KEY, zero.reason());
        assertThrows(NoiseHandshakeException.class, () -> X25519.dh(pair.privateKey(), new byte[31]));
    }

    @Test
    void chachaPolyMatchesRfc8439AeadVector() throws Exception {
        byte[] key = HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = HEX.parseHex("070000004041424344454647");
        byte[] ad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = ChaChaPoly.seal(key, nonce, ad, plaintext, 0, plaintext.length);
        assertEquals(plaintext.length + 16, sealed.length);
        assertEquals("d31a8d34648e60db7b86afbc53ef7ec2", HEX.formatHex(sealed, 0, 16));
        assertEquals("1ae10b594f09e26a7e902ecbd0600691", HEX.formatHex(sealed, sealed.length - 16, sealed.length));
        assertArrayEquals(plaintext, ChaChaPoly.open(key, nonce, ad, sealed, 0, sealed.length));
    }

    @Test
    void hkdfMatchesRfc5869Case1() {
        byte[] prk = NoiseCrypto.hkdfExtract(HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("0b".repeat(22)));
        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", HEX.formatHex(prk));
        byte[] okm = NoiseCrypto.hkdfExpand(prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", HEX.formatHex(okm));
    }

    @Test
    void hkdfMatchesRfc5869Case3WithEmptySaltAndInfo() {
        byte[] prk = NoiseCrypto.hkdfExtract(new byte[0], HEX.parseHex("0b".repeat(22)));
        assertEquals("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", HEX.formatHex(prk));
        byte[] okm = NoiseCrypto.hkdfExpand(prk, new byte[0], 42);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8", HEX.formatHex(okm));
    }

    @Test
    void noiseHkdfIsRfcHkdfWithEmptyInfoSplitInTwo() {
        byte[] ck = HEX.parseHex("11".repeat(32));
        byte[] ikm = HEX.parseHex("22".repeat(32));
        byte[][] outputs = NoiseCrypto.hkdf2(ck, ikm);
        byte[] temp = NoiseCrypto.hmac(ck, ikm);
        byte[] first = NoiseCrypto.hmac(temp, new byte[]{1});
        assertArrayEquals(first, outputs[0]);
        assertArrayEquals(NoiseCrypto.hmac(temp, first, new byte[]{2}), outputs[1]);
    }

    @Test
    void nonceIsFourZeroBytesThenLittleEndianCounter() {
        assertEquals("000000000000000000000000", HEX.formatHex(CipherState.nonceBytes(0)));
        assertEquals("000000000100000000000000", HEX.formatHex(CipherState.nonceBytes(1)));
        assertEquals("000000000201000000000000", HEX.formatHex(CipherState.nonceBytes(0x0102)));
        assertEquals("00000000feffffffffffffff", HEX.formatHex(CipherState.nonceBytes(-2L)));
    }

    @Test
    void symmetricStateStartsFromTheProtocolNameAndTheEmptyPrologue() throws Exception {
        byte[] name = "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);
        assertEquals(32, name.length);
        SymmetricState state = new SymmetricState();
        state.mixHash(new byte[0]);
        assertArrayEquals(NoiseCrypto.sha256(name, new byte[0]), state.handshakeHash());
        // Without a key, EncryptAndHash passes data through but still mixes it into h.
        byte[] before = state.handshakeHash();
        assertArrayEquals(new byte[]{7}, state.encryptAndHash(new byte[]{7}));
        assertArrayEquals(NoiseCrypto.sha256(before, new byte[]{7}), state.handshakeHash());
        assertEquals(false, Arrays.equals(before, state.handshakeHash()));
    }
}
