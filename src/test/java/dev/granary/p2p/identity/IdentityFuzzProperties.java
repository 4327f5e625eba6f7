package dev.granary.p2p.identity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever a peer sends, the key and peer-ID decoders answer with a value or an {@link IdentityException}. */
class IdentityFuzzProperties {
    @Property(tries = 10_000)
    void publicKeyDecoderOnlyThrowsIdentityException(@ForAll("keyLikeBytes") byte[] bytes) {
        try {
            PublicKey key = PublicKeys.decode(bytes);
            assertEquals(key, PublicKeys.decode(key.bytes()));
        } catch (IdentityException expected) {
            // refused with our exception: fine
        }
    }

    @Property(tries = 10_000)
    void verifyOnlyThrowsIdentityException(@ForAll("keyLikeBytes") byte[] key, @ForAll byte[] signature) {
        try {
            PublicKeys.verify(key, new byte[]{1, 2, 3}, signature);
        } catch (IdentityException expected) {
            // refused with our exception: fine
        }
    }

    @Property(tries = 10_000)
    void peerIdBytesDecoderOnlyThrowsIdentityException(@ForAll("peerIdLikeBytes") byte[] bytes) {
        try {
            PeerId id = PeerId.fromBytes(bytes);
            assertArrayEquals(bytes, id.bytes());
            assertEquals(id, PeerId.parse(id.toBase58()));
            assertEquals(id, PeerId.parse(id.toCid()));
        } catch (IdentityException expected) {
            // refused with our exception: fine
        }
    }

    @Property(tries = 10_000)
    void peerIdTextParserOnlyThrowsIdentityException(@ForAll("peerIdLikeText") String text) {
        try {
            PeerId.parse(text);
        } catch (IdentityException expected) {
            // refused with our exception: fine
        }
    }

    @Property(tries = 10_000)
    void privateKeyDecoderOnlyThrowsIdentityException(@ForAll("keyLikeBytes") byte[] bytes) {
        try {
            Ed25519Identity.fromPrivateKeyProto(bytes);
        } catch (IdentityException expected) {
            // refused with our exception: fine
        }
    }

    /** Random bytes, and valid vectors with one byte changed or cut short, which reach deeper into the decoders. */
    @Provide
    Arbitrary<byte[]> keyLikeBytes() {
        Arbitrary<byte[]> vectors = Arbitraries.of(KeyVectors.ED25519_PUBLIC, KeyVectors.SECP256K1_PUBLIC,
                KeyVectors.ECDSA_PUBLIC, KeyVectors.RSA_PUBLIC, KeyVectors.ED25519_PRIVATE);
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(120), mutated(vectors));
    }

    @Provide
    Arbitrary<byte[]> peerIdLikeBytes() {
        Arbitrary<byte[]> ids = Arbitraries.of(KeyVectors.ED25519_PUBLIC, KeyVectors.SECP256K1_PUBLIC, KeyVectors.RSA_PUBLIC)
                .map(key -> PeerId.fromPublicKey(key).bytes());
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(60), mutated(ids), ids);
    }

    @Provide
    Arbitrary<String> peerIdLikeText() {
        Arbitrary<String> valid = Arbitraries.of("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq",
                "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N",
                "bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6", "zQm", "m", "b", "1");
        Arbitrary<String> edited = Arbitraries.oneOf(valid.flatMap(text -> Arbitraries.integers().between(0, text.length())
                .flatMap(at -> Arbitraries.chars().ascii().map(c -> text.substring(0, at) + c
                        + text.substring(Math.min(text.length(), at + 1))))), valid.flatMap(text -> Arbitraries.integers()
                .between(0, text.length()).map(at -> text.substring(0, at))));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), edited);
    }

    private static Arbitrary<byte[]> mutated(Arbitrary<byte[]> base) {
        return base.flatMap(bytes -> Arbitraries.integers().between(0, bytes.length - 1).flatMap(at ->
                Arbitraries.oneOf(
                        Arbitraries.bytes().map(value -> {
                            byte[] copy = bytes.clone();
                            copy[at] = value;
                            return copy;
                        }),
                        Arbitraries.just(Arrays.copyOf(bytes, at)))));
    }
}
