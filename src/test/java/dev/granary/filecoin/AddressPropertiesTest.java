package dev.granary.filecoin;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressPropertiesTest {
    private static final String ADDRESS_CHARS = "ft0123456789abcdefghijklmnopqrstuvwxyz234567FTQ-+ .=";

    @Property(tries = 10_000)
    void textRoundTripsOnBothNetworks(@ForAll("addresses") Address address, @ForAll Network network) {
        String text = address.format(network);
        Address parsed = Address.parse(text);
        assertEquals(address, parsed);
        assertEquals(network, parsed.writtenWith().orElseThrow());
        assertEquals(text, parsed.format(network));
    }

    @Property(tries = 10_000)
    void bytesRoundTrip(@ForAll("addresses") Address address) {
        Address decoded = Address.fromBytes(address.bytes());
        assertEquals(address, decoded);
        assertArrayEquals(address.bytes(), decoded.bytes());
    }

    @Property(tries = 20_000)
    void arbitraryTextFailsOnlyWithAddressFormatException(@ForAll("addressLikeText") String text) {
        try {
            Address parsed = Address.parse(text);
            assertEquals(text, parsed.format(parsed.writtenWith().orElseThrow()), "accepted text must be canonical");
        } catch (AddressFormatException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 20_000)
    void arbitraryBytesFailOnlyWithAddressFormatException(@ForAll("addressLikeBytes") byte[] bytes) {
        try {
            Address decoded = Address.fromBytes(bytes);
            assertArrayEquals(bytes, decoded.bytes(), "accepted bytes must be canonical");
            assertEquals(decoded, Address.parse(decoded.toString()));
        } catch (AddressFormatException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 10_000)
    void aSingleCharacterTypoInChecksummedTextIsRejected(@ForAll("keyAddresses") Address address,
                                                         @ForAll("positions") double where,
                                                         @ForAll("base32Chars") char replacement) {
        String text = address.toString();
        int at = 2 + (int) (where * (text.length() - 2));
        if (text.charAt(at) == replacement) {
            return;
        }
        String typo = text.substring(0, at) + replacement + text.substring(at + 1);
        assertThrows(AddressFormatException.class, () -> Address.parse(typo), typo);
    }

    @Provide
    Arbitrary<Address> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Address::id),
                Arbitraries.longs().between(0, 100_000).map(Address::id),
                keyAddresses());
    }

    @Provide
    Arbitrary<Address> keyAddresses() {
        return Arbitraries.oneOf(
                bytes(20).map(payload -> Address.fromBytes(prefixed(1, payload))),
                bytes(1, 64).map(Address::actor),
                bytes(48).map(Address::bls),
                Combinators.combine(Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.longs().between(0, 300)),
                        bytes(0, Address.MAX_SUBADDRESS_BYTES)).as(Address::delegated),
                bytes(20).map(Address::ethereum));
    }

    @Provide
    Arbitrary<String> addressLikeText() {
        Arbitrary<String> noise = Arbitraries.strings().withChars(ADDRESS_CHARS.toCharArray()).ofMaxLength(120);
        Arbitrary<String> prefixed = Combinators.combine(Arbitraries.of("f0", "t0", "f1", "t1", "f2", "f3", "f4", "f410f", "t4", "f5"),
                Arbitraries.strings().withChars(ADDRESS_CHARS.toCharArray()).ofMaxLength(118)).as(String::concat);
        Arbitrary<String> mutated = Combinators.combine(addresses(), Arbitraries.integers().between(0, 200),
                Arbitraries.chars().with(ADDRESS_CHARS.toCharArray())).as((a, at, c) -> {
                    String text = a.toString();
                    int i = at % (text.length() + 1);
                    return at % 3 == 0 ? text.substring(0, i) + c + text.substring(i)
                            : at % 3 == 1 ? text.substring(0, Math.min(i, text.length() - 1)) + text.substring(Math.min(i + 1, text.length()))
                            : text.substring(0, Math.max(0, i - 1)) + c + text.substring(Math.min(text.length(), i));
                });
        return Arbitraries.oneOf(noise, prefixed, mutated, Arbitraries.strings().ofMaxLength(130));
    }

    @Provide
    Arbitrary<byte[]> addressLikeBytes() {
        Arbitrary<byte[]> structured = Combinators.combine(Arbitraries.integers().between(0, 5), bytes(0, 70))
                .as((protocol, payload) -> prefixed(protocol, payload));
        Arbitrary<byte[]> varintHeavy = Combinators.combine(Arbitraries.of(0, 4), Arbitraries.bytes().map(b -> (byte) (b | 0x80)).array(byte[].class).ofMaxSize(10),
                bytes(0, 60)).as((protocol, continuation, tail) -> prefixed(protocol, concat(continuation, tail)));
        return Arbitraries.oneOf(structured, varintHeavy, bytes(0, 80));
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }

    @Provide
    Arbitrary<Character> base32Chars() {
        return Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz234567".toCharArray());
    }

    private static Arbitrary<byte[]> bytes(int length) {
        return bytes(length, length);
    }

    private static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    private static byte[] prefixed(int protocol, byte[] payload) {
        return concat(new byte[]{(byte) protocol}, payload);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
