package dev.granary.filecoin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of FIL, held exactly as a whole number of attoFIL (10^-18 FIL). Text is parsed and printed with
 * decimal arithmetic only, never through {@code double}.
 *
 * <p>Amounts may be negative: go-state-types' {@code TokenAmount} is a signed big integer, and a few chain
 * types (balance deltas, penalties as debts) carry negative values. Types that must not be negative (prices,
 * collateral, balances) check with {@link #requireNonNegative(String)}. Every amount fits the chain's
 * 128-byte big-integer limit, so it can always be serialized; arithmetic beyond it throws
 * {@link ArithmeticException}.
 */
public final class TokenAmount implements Comparable<TokenAmount> {
    public static final int FIL_DECIMALS = 18;
    public static final TokenAmount ZERO = new TokenAmount(BigInteger.ZERO);

    private static final BigInteger ATTO_PER_FIL = BigInteger.TEN.pow(FIL_DECIMALS);
    /** Far above any real amount (total supply is ~2·10^27 attoFIL), low enough to bound parsing cost. */
    private static final int MAX_TEXT_LENGTH = 400;
    private static final Pattern FIL = Pattern.compile("\\s*(-?)(\\d+)(?:\\.(\\d+))?\\s*(fil)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTO_FIL = Pattern.compile("\\s*(-?)(\\d+)\\s*attofil\\s*", Pattern.CASE_INSENSITIVE);

    private final BigInteger attoFil;

    private TokenAmount(BigInteger attoFil) {
        if (!BigIntBytes.fits(attoFil)) {
            throw new ArithmeticException("token amount exceeds the chain's " + BigIntBytes.MAX_BYTES + "-byte big-integer limit");
        }
        this.attoFil = attoFil;
    }

    public static TokenAmount ofAttoFil(BigInteger attoFil) {
        return attoFil.signum() == 0 ? ZERO : new TokenAmount(attoFil);
    }

    public static TokenAmount ofAttoFil(long attoFil) {
        return ofAttoFil(BigInteger.valueOf(attoFil));
    }

    public static TokenAmount ofFil(long fil) {
        return ofAttoFil(BigInteger.valueOf(fil).multiply(ATTO_PER_FIL));
    }

    /**
     * A FIL amount: {@code "0.05"}, {@code "0.05 FIL"}, {@code "12fil"}. At most 18 significant decimals (finer
     * than one attoFIL is an error, not a rounding); no exponents, no grouping.
     */
    public static TokenAmount parseFil(String text) {
        Matcher m = match(FIL, text, "a FIL amount like \"0.05 FIL\"");
        String fraction = m.group(3) == null ? "" : stripTrailingZeros(m.group(3));
        if (fraction.length() > FIL_DECIMALS) {
            throw new NumberFormatException("'" + text.strip() + "' is finer than 1 attoFIL (at most " + FIL_DECIMALS + " decimals)");
        }
        BigInteger whole = new BigInteger(m.group(2)).multiply(ATTO_PER_FIL);
        BigInteger fractional = fraction.isEmpty() ? BigInteger.ZERO
                : new BigInteger(fraction).multiply(BigInteger.TEN.pow(FIL_DECIMALS - fraction.length()));
        return signed(m.group(1), whole.add(fractional));
    }

    /** Either unit: {@code "500 attoFIL"} (whole attoFIL) or anything {@link #parseFil} reads. */
    public static TokenAmount parse(String text) {
        if (text != null && text.strip().toLowerCase(Locale.ROOT).endsWith("attofil")) {
            Matcher m = match(ATTO_FIL, text, "an attoFIL amount like \"500 attoFIL\"");
            return signed(m.group(1), new BigInteger(m.group(2)));
        }
        return parseFil(text);
    }

    public static TokenAmount fromBigIntBytes(byte[] bytes) {
        return ofAttoFil(BigIntBytes.decode(bytes));
    }

    public byte[] toBigIntBytes() {
        return BigIntBytes.encode(attoFil);
    }

    public BigInteger attoFil() {
        return attoFil;
    }

    public TokenAmount add(TokenAmount other) {
        return ofAttoFil(attoFil.add(other.attoFil));
    }

    public TokenAmount subtract(TokenAmount other) {
        return ofAttoFil(attoFil.subtract(other.attoFil));
    }

    public TokenAmount multiply(long factor) {
        return ofAttoFil(attoFil.multiply(BigInteger.valueOf(factor)));
    }

    /** Integer division in attoFIL, rounding toward zero like Go's {@code big.Div} on non-negative values. */
    public TokenAmount divide(long divisor) {
        return ofAttoFil(attoFil.divide(BigInteger.valueOf(divisor)));
    }

    public TokenAmount negate() {
        return ofAttoFil(attoFil.negate());
    }

    public TokenAmount min(TokenAmount other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public TokenAmount max(TokenAmount other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public int signum() {
        return attoFil.signum();
    }

    public boolean isZero() {
        return attoFil.signum() == 0;
    }

    public boolean isNegative() {
        return attoFil.signum() < 0;
    }

    /** Returns this amount; throws {@link IllegalArgumentException} naming {@code what} if it is negative. */
    public TokenAmount requireNonNegative(String what) {
        if (isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + toFilString());
        }
        return this;
    }

    /** {@code "0.05 FIL"}: exact, trailing zeros trimmed, no exponent. */
    public String toFilString() {
        return new BigDecimal(attoFil, FIL_DECIMALS).stripTrailingZeros().toPlainString() + " FIL";
    }

    public String toAttoFilString() {
        return attoFil + " attoFIL";
    }

    @Override
    public int compareTo(TokenAmount other) {
        return attoFil.compareTo(other.attoFil);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenAmount that && attoFil.equals(that.attoFil);
    }

    @Override
    public int hashCode() {
        return attoFil.hashCode();
    }

    @Override
    public String toString() {
        return toFilString();
    }

    private static Matcher match(Pattern pattern, String text, String expected) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            throw new NumberFormatException("expected " + expected + ", got " + (text == null ? "null" : text.length() + " characters"));
        }
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw new NumberFormatException("expected " + expected + ", got '" + text + "'");
        }
        return m;
    }

    private static TokenAmount signed(String minus, BigInteger magnitude) {
        try {
            return ofAttoFil(minus.isEmpty() ? magnitude : magnitude.negate());
        } catch (ArithmeticException e) {
            throw new NumberFormatException(e.getMessage());
        }
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
