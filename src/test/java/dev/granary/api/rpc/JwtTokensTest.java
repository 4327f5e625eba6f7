package dev.granary.api.rpc;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.granary.api.rpc.TokenForge.FIXED_SECRET;
import static dev.granary.api.rpc.TokenForge.signed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtTokensTest {

    private static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    // Computed outside Java (Python hmac/base64) for the secret 0x00..0x1f, so the vector checks
    // JwtTokens against an independent implementation rather than against itself.
    private static final String WRITE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJBbGxvdyI6WyJyZWFkIiwid3JpdGUiXX0.a2dV0UrA0kX6qMxjUfdyJZUwmw8W-rDDjES_OWZDB94";
    private static final String ADMIN_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJBbGxvdyI6WyJyZWFkIiwid3JpdGUiLCJzaWduIiwiYWRtaW4iXX0.5lRaUKL6YDoISGlo14xwpeeacUF8a9HmOlEQ3ukDj_o";

    private final JwtTokens tokens = new JwtTokens(FIXED_SECRET);

    @Test
    void createMatchesFixedVectors() {
        assertEquals(WRITE_TOKEN, tokens.create(Permission.WRITE));
        assertEquals(ADMIN_TOKEN, tokens.create(Permission.ADMIN));
    }

    @Test
    void fixedVectorsVerify() throws InvalidTokenException {
        assertEquals(Permission.WRITE, tokens.verify(WRITE_TOKEN));
        assertEquals(Permission.ADMIN, tokens.verify(ADMIN_TOKEN));
    }

    @Test
    void headerAndPayloadDecodeToLotusJson() {
        String token = tokens.create(Permission.SIGN);
        assertEquals(new JsonObject(HS256_HEADER), new JsonObject(TokenForge.decodePart(token, 0)));
        assertEquals("{\"Allow\":[\"read\",\"write\",\"sign\"]}", TokenForge.decodePart(token, 1));
    }

    @Test
    void unknownAllowEntriesAreIgnored() throws InvalidTokenException {
        String token = signed(FIXED_SECRET, HS256_HEADER, "{\"Allow\":[\"read\",\"superuser\",42,\"sign\"]}");
        assertEquals(Permission.SIGN, tokens.verify(token));
    }

    @Test
    void highestPermissionWinsWhateverTheOrder() throws InvalidTokenException {
        String token = signed(FIXED_SECRET, HS256_HEADER, "{\"Allow\":[\"admin\",\"read\"]}");
        assertEquals(Permission.ADMIN, tokens.verify(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Allow\":[]}",
            "{\"Allow\":[\"superuser\",\"ADMIN\"]}",
            "{\"Allow\":\"admin\"}",
            "{}",
            "[\"admin\"]",
            "{\"Allow\":[\"admin\"],\"Allow\":[\"admin\"]}",
            "not json"})
    void signedTokensWithUnusablePayloadsAreRejected(String payload) {
        assertThrows(InvalidTokenException.class, () -> tokens.verify(signed(FIXED_SECRET, HS256_HEADER, payload)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"alg\":\"none\",\"typ\":\"JWT\"}",
            "{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
            "{\"alg\":\"hs256\"}",
            "{\"typ\":\"JWT\"}",
            "{\"alg\":null}",
            "[]"})
    void signedTokensWithAnotherAlgorithmAreRejected(String header) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> tokens.verify(signed(FIXED_SECRET, header, "{\"Allow\":[\"admin\"]}")));
        assertFalse(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void unsignedNoneTokenIsRejected() {
        String none = TokenForge.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + TokenForge.b64("{\"Allow\":[\"admin\"]}") + ".";
        assertThrows(InvalidTokenException.class, () -> tokens.verify(none));
    }

    @Test
    void tokenFromAnotherSecretIsRejectedAsBadSignature() {
        byte[] other = FIXED_SECRET.clone();
        other[31] ^= 1;
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> tokens.verify(new JwtTokens(other).create(Permission.READ)));
        assertEquals("token signature is invalid", e.getMessage());
    }

    @Test
    void signatureSpelledWithNonZeroLeftoverBitsIsRejected() {
        // 32 signature bytes leave 2 unused bits in the last base64 character; 'o' -> 'p' flips only
        // those, which the JDK decoder would silently accept as the same signature.
        assertTrue(ADMIN_TOKEN.endsWith("o"));
        String respelled = ADMIN_TOKEN.substring(0, ADMIN_TOKEN.length() - 1) + "p";
        assertArrayEquals(java.util.Base64.getUrlDecoder().decode(ADMIN_TOKEN.split("\\.")[2]),
                java.util.Base64.getUrlDecoder().decode(respelled.split("\\.")[2]));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(respelled));
    }

    @Test
    void paddedSegmentsAreRejected() {
        String padded = ADMIN_TOKEN + "=";
        assertThrows(InvalidTokenException.class, () -> tokens.verify(padded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "..", "...", "a..b"})
    void wrongNumberOfPartsOrEmptyIsRejected(String token) {
        assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
    }

    @Test
    void extraTrailingPartIsRejectedEvenWhenTheFirstThreeAreValid() {
        assertThrows(InvalidTokenException.class, () -> tokens.verify(ADMIN_TOKEN + ".x"));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(ADMIN_TOKEN + "."));
    }

    @Test
    void nullIsRejected() {
        assertThrows(InvalidTokenException.class, () -> tokens.verify(null));
    }

    @Test
    void oversizedTokenIsRejectedBeforeAnyWork() {
        // A correctly signed token whose only fault is its size: proves the limit, not the signature, rejects it.
        String padding = "x".repeat(JwtTokens.MAX_TOKEN_CHARS);
        String big = signed(FIXED_SECRET, HS256_HEADER, "{\"Allow\":[\"read\"],\"pad\":\"" + padding + "\"}");
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(big));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void tokenJustUnderTheLimitIsAccepted() throws InvalidTokenException {
        String small = signed(FIXED_SECRET, HS256_HEADER, "{\"Allow\":[\"read\"],\"pad\":\"" + "x".repeat(6000) + "\"}");
        assertTrue(small.length() <= JwtTokens.MAX_TOKEN_CHARS);
        assertEquals(Permission.READ, tokens.verify(small));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JwtTokens(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new JwtTokens(null));
    }

    @Test
    void secretIsCopiedSoLaterChangesByTheCallerDoNotMatter() throws InvalidTokenException {
        byte[] secret = FIXED_SECRET.clone();
        JwtTokens own = new JwtTokens(secret);
        Arrays.fill(secret, (byte) 0);
        assertEquals(Permission.ADMIN, own.verify(ADMIN_TOKEN));
    }

    @Test
    void newSecretsAreThirtyTwoRandomBytes() {
        byte[] a = JwtTokens.newSecret();
        byte[] b = JwtTokens.newSecret();
        assertEquals(32, a.length);
        assertFalse(Arrays.equals(a, b));
    }
}
