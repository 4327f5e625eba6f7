package dev.granary.p2p.multiaddr;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever arrives in an identify message or a config file: a multiaddr or a {@link MultiaddrException}. */
class MultiaddrProperties {
    private static final String[] VALID = {
            "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq",
            "/ip6/2001:db8::1/tcp/443", "/dns4/example.com/tcp/443", "/dns/a.b/tcp/1",
            "/p2p/QmVMT29id3TUASyfZZ6k9hmNyc2nYabCo4uMSpDw4zrgDk"};

    @Property(tries = 10_000)
    void binaryDecoderRoundTripsOrThrowsOurException(@ForAll("addressLikeBytes") byte[] bytes) {
        try {
            Multiaddr addr = Multiaddr.fromBytes(bytes);
            assertArrayEquals(bytes, addr.bytes());
            assertEquals(addr, Multiaddr.parse(addr.toString()));
            addr.tcpTarget();
            addr.peerId();
        } catch (MultiaddrException expected) {
            // refused with our exception: fine
        }
    }

    @Property(tries = 10_000)
    void textParserRoundTripsOrThrowsOurException(@ForAll("addressLikeText") String text) {
        try {
            Multiaddr addr = Multiaddr.parse(text);
            assertEquals(addr, Multiaddr.fromBytes(addr.bytes()));
            assertEquals(addr.toString(), Multiaddr.parse(addr.toString()).toString());
        } catch (MultiaddrException expected) {
            // refused with our exception: fine
        }
    }

    @Provide
    Arbitrary<byte[]> addressLikeBytes() {
        Arbitrary<byte[]> valid = Arbitraries.of(VALID).map(text -> Multiaddr.parse(text).bytes());
        Arbitrary<byte[]> mutated = valid.flatMap(bytes -> Arbitraries.integers().between(0, bytes.length - 1)
                .flatMap(at -> Arbitraries.oneOf(Arbitraries.bytes().map(value -> {
                    byte[] copy = bytes.clone();
                    copy[at] = value;
                    return copy;
                }), Arbitraries.just(Arrays.copyOf(bytes, at)))));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(60)),
                Tuple.of(2, mutated), Tuple.of(1, valid));
    }

    @Provide
    Arbitrary<String> addressLikeText() {
        Arbitrary<String> pieces = Arbitraries.of("/", "ip4", "ip6", "tcp", "dns", "dns4", "p2p", "ipfs", "1.2.3.4", "::",
                "::1", "0", "65535", "65536", "example.com", ":", ".", "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        Arbitrary<String> assembled = pieces.list().ofMaxSize(10).map(list -> String.join("", list));
        Arbitrary<String> edited = Arbitraries.of(VALID).flatMap(text -> Arbitraries.integers().between(0, text.length() - 1)
                .flatMap(at -> Arbitraries.chars().ascii().map(c -> text.substring(0, at) + c + text.substring(at + 1))));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60), assembled, edited,
                Arbitraries.strings().withChars("/ip46tcdnsp2:.0123456789abcdef").ofMaxLength(40).map(s -> "/" + s));
    }
}
