package dev.granary.api.rpc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JwtTokensPropertyTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Property
    void createThenVerifyRoundTrips(@ForAll("secrets") byte[] secret, @ForAll Permission permission)
            throws InvalidTokenException {
        JwtTokens tokens = new JwtTokens(secret);
        assertEquals(permission, tokens.verify(tokens.create(permission)));
    }

    @Property
    void tokenSignedWithAnotherSecretIsRejected(@ForAll("secrets") byte[] mine, @ForAll("secrets") byte[] theirs,
                                                @ForAll Permission permission) {
        if (Arrays.equals(mine, theirs)) {
            return;
        }
        String foreign = new JwtTokens(theirs).create(permission);
        assertThrows(InvalidTokenException.class, () -> new JwtTokens(mine).verify(foreign));
    }

    @Property
    void arbitraryStringsNeverVerify(@ForAll("tokenLikeStrings") String candidate) {
        JwtTokens tokens = new JwtTokens(TokenForge.FIXED_SECRET);
        // assertThrows also fails if anything other than InvalidTokenException escapes.
        assertThrows(InvalidTokenException.class, () -> tokens.verify(candidate));
    }

    @Property(tries = 2000)
    void mutatedValidTokensNeverVerify(@ForAll Permission permission, @ForAll("mutations") UnaryOperator<String> mutation) {
        JwtTokens tokens = new JwtTokens(TokenForge.FIXED_SECRET);
        String valid = tokens.create(permission);
        String mutated = mutation.apply(valid);
        if (mutated.equals(valid)) {
            return;
        }
        assertThrows(InvalidTokenException.class, () -> tokens.verify(mutated));
    }

    @Property
    void respellingTheLastSignatureCharacterNeverVerifies(@ForAll Permission permission,
                                                           @ForAll("base64urlChars") char replacement) {
        JwtTokens tokens = new JwtTokens(TokenForge.FIXED_SECRET);
        String valid = tokens.create(permission);
        String mutated = valid.substring(0, valid.length() - 1) + replacement;
        if (mutated.equals(valid)) {
            return;
        }
        assertThrows(InvalidTokenException.class, () -> tokens.verify(mutated));
    }

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(32).ofMaxSize(64);
    }

    @Provide
    Arbitrary<Character> base64urlChars() {
        return Arbitraries.of(BASE64URL.toCharArray());
    }

    @Provide
    Arbitrary<String> tokenLikeStrings() {
        Arbitrary<String> segment = Arbitraries.strings().withChars(BASE64URL).ofMaxLength(60);
        Arbitrary<String> threeSegments = Combinators.combine(segment, segment, segment)
                .as((h, p, s) -> h + "." + p + "." + s);
        Arbitrary<String> validHeaderRandomRest = Combinators.combine(segment, segment)
                .as((p, s) -> TokenForge.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + p + "." + s);
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars(BASE64URL + ".=+/ ").ofMaxLength(200),
                threeSegments,
                validHeaderRandomRest);
    }

    @Provide
    Arbitrary<UnaryOperator<String>> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Character> character = Arbitraries.oneOf(
                Arbitraries.of(BASE64URL.toCharArray()), Arbitraries.of('.', '=', ' ', '+', '/'), Arbitraries.chars());
        Arbitrary<UnaryOperator<String>> replace = Combinators.combine(position, character)
                .as((at, c) -> s -> { int i = at % s.length(); return s.substring(0, i) + c + s.substring(i + 1); });
        Arbitrary<UnaryOperator<String>> insert = Combinators.combine(position, character)
                .as((at, c) -> s -> { int i = at % (s.length() + 1); return s.substring(0, i) + c + s.substring(i); });
        Arbitrary<UnaryOperator<String>> delete = position
                .map(at -> s -> { int i = at % s.length(); return s.substring(0, i) + s.substring(i + 1); });
        Arbitrary<UnaryOperator<String>> truncate = position.map(at -> s -> s.substring(0, at % s.length()));
        Arbitrary<UnaryOperator<String>> swap = Combinators.combine(position, position)
                .as((a, b) -> s -> {
                    char[] chars = s.toCharArray();
                    int i = a % chars.length;
                    int j = b % chars.length;
                    char t = chars[i];
                    chars[i] = chars[j];
                    chars[j] = t;
                    return new String(chars);
                });
        return Arbitraries.oneOf(replace, insert, delete, truncate, swap);
    }
}
