package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static dev.granary.filecoin.Vectors.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class TokenAmountTest {
    private static final JsonNode BIGINTS = Vectors.load("bigint.json");

    @TestFactory
    Stream<DynamicTest> bigIntBytesMatchGoStateTypes() {
        return StreamSupport.stream(BIGINTS.get("valid").spliterator(), false).map(v -> dynamicTest(v.get("attoFil").asText(), () -> {
            TokenAmount amount = TokenAmount.ofAttoFil(new BigInteger(v.get("attoFil").asText()));
            assertEquals(v.get("hex").asText(), HEX.formatHex(amount.toBigIntBytes()));
            assertEquals(amount, TokenAmount.fromBigIntBytes(Vectors.hex(v, "hex")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> nonCanonicalBigIntBytesAreRejected() {
        return StreamSupport.stream(BIGINTS.get("invalid").spliterator(), false).map(v -> dynamicTest(v.get("why").asText(), () ->
                assertThrows(IllegalArgumentException.class, () -> TokenAmount.fromBigIntBytes(Vectors.hex(v, "hex")))));
    }

    @Test
    void parsesFilAndAttoFil() {
        assertEquals(TokenAmount.ofAttoFil(50_000_000_000_000_000L), TokenAmount.parseFil("0.05 FIL"));
        assertEquals(TokenAmount.ofAttoFil(50_000_000_000_000_000L), TokenAmount.parse("0.05"));
        assertEquals(TokenAmount.ofAttoFil(500), TokenAmount.parse("500 attoFIL"));
        assertEquals(TokenAmount.ofAttoFil(1), TokenAmount.parse("0.000000000000000001 fil"));
        assertEquals(TokenAmount.ofFil(12), TokenAmount.parse("12fil"));
        assertEquals(TokenAmount.ofFil(-3), TokenAmount.parse("-3 FIL"));
        assertEquals(TokenAmount.ofAttoFil(100), TokenAmount.parse("0.0000000000000001000000 FIL"), "zeros past 18 decimals change nothing");
        assertEquals(TokenAmount.ZERO, TokenAmount.parse("-0"));
    }

    @Test
    void rejectsWhatIsNotAnExactAmount() {
        List<String> bad = List.of("", "FIL", "1e3", "0.0000000000000000001", "1.", ".5", "1,5", "0x10", "1.5 attoFIL", "--1",
                "NaN", "Infinity", "1 FIL FIL", "5 nanoFIL", "1".repeat(401));
        bad.forEach(text -> assertThrows(NumberFormatException.class, () -> TokenAmount.parse(text), text));
        assertThrows(NumberFormatException.class, () -> TokenAmount.parseFil("500 attoFIL"));
        assertThrows(NumberFormatException.class, () -> TokenAmount.parse(null));
        assertThrows(NumberFormatException.class, () -> TokenAmount.parse("9".repeat(320) + " attoFIL"), "over the 128-byte limit");
    }

    @Test
    void formatsTrimmedAndExact() {
        assertEquals("0.05 FIL", TokenAmount.parse("0.050").toFilString());
        assertEquals("0 FIL", TokenAmount.ZERO.toFilString());
        assertEquals("1 FIL", TokenAmount.ofFil(1).toFilString());
        assertEquals("0.000000000000000001 FIL", TokenAmount.ofAttoFil(1).toFilString());
        assertEquals("-1.5 FIL", TokenAmount.parse("-1.5").toFilString());
        assertEquals("2000000000 FIL", TokenAmount.ofFil(2_000_000_000).toFilString());
        assertEquals("123456789.123456789123456789 FIL", TokenAmount.parse("123456789.123456789123456789").toString());
        assertEquals("500 attoFIL", TokenAmount.ofAttoFil(500).toAttoFilString());
    }

    @Test
    void arithmeticAndOrder() {
        TokenAmount a = TokenAmount.parse("1.5");
        TokenAmount b = TokenAmount.parse("0.25");
        assertEquals(TokenAmount.parse("1.75"), a.add(b));
        assertEquals(TokenAmount.parse("1.25"), a.subtract(b));
        assertEquals(TokenAmount.parse("-1.25"), b.subtract(a));
        assertEquals(TokenAmount.parse("4.5"), a.multiply(3));
        assertEquals(TokenAmount.parse("0.5"), a.divide(3));
        assertTrue(a.compareTo(b) > 0);
        assertEquals(b, a.min(b));
        assertEquals(a, a.max(b));
        assertTrue(b.subtract(a).isNegative());
        assertThrows(IllegalArgumentException.class, () -> b.subtract(a).requireNonNegative("collateral"));
        assertEquals(a, a.requireNonNegative("price"));
        assertThrows(ArithmeticException.class, () -> TokenAmount.ofAttoFil(BigInteger.TWO.pow(1016)));
    }
}
