package dev.granary.filecoin;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TokenAmountPropertiesTest {

    @Property(tries = 10_000)
    void filTextRoundTrips(@ForAll("amounts") TokenAmount amount) {
        assertEquals(amount, TokenAmount.parseFil(amount.toFilString()));
        assertEquals(amount, TokenAmount.parse(amount.toAttoFilString()));
    }

    @Property(tries = 10_000)
    void filTextIsExactDecimal(@ForAll("amounts") TokenAmount amount) {
        String text = amount.toFilString();
        BigDecimal shown = new BigDecimal(text.substring(0, text.length() - " FIL".length()));
        assertEquals(amount.attoFil(), shown.movePointRight(18).toBigIntegerExact());
        if (text.contains(".")) {
            assertNotEquals('0', text.charAt(text.length() - " FIL".length() - 1), "trailing zeros are trimmed: " + text);
        }
    }

    @Property(tries = 10_000)
    void bigIntBytesRoundTrip(@ForAll("amounts") TokenAmount amount) {
        assertEquals(amount, TokenAmount.fromBigIntBytes(amount.toBigIntBytes()));
    }

    @Property(tries = 10_000)
    void arbitraryBigIntBytesDecodeCanonicallyOrFailCleanly(@ForAll byte[] bytes) {
        try {
            TokenAmount amount = TokenAmount.fromBigIntBytes(bytes);
            assertEquals(HexFormat.of().formatHex(bytes), HexFormat.of().formatHex(amount.toBigIntBytes()));
        } catch (IllegalArgumentException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 10_000)
    void additionMatchesBigInteger(@ForAll("amounts") TokenAmount a, @ForAll("amounts") TokenAmount b) {
        assertEquals(a.attoFil().add(b.attoFil()), a.add(b).attoFil());
        assertEquals(a, a.add(b).subtract(b));
        assertEquals(Integer.signum(a.attoFil().compareTo(b.attoFil())), Integer.signum(a.compareTo(b)));
    }

    @Provide
    Arbitrary<TokenAmount> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.longs().between(-1000, 1000).map(fil -> BigInteger.valueOf(fil).multiply(BigInteger.TEN.pow(18))),
                Arbitraries.integers().between(0, 18).map(BigInteger.TEN::pow)
        ).map(TokenAmount::ofAttoFil);
    }
}
