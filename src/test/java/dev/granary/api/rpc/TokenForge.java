package dev.granary.api.rpc;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds HS256 tokens from arbitrary header/payload JSON, independently of JwtTokens, so tests can
 * present correctly signed tokens that say things JwtTokens would never write.
 */
final class TokenForge {

    static final byte[] FIXED_SECRET = new byte[32];

    static {
        for (int i = 0; i < FIXED_SECRET.length; i++) {
            FIXED_SECRET[i] = (byte) i;
        }
    }

    private TokenForge() {
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String decodePart(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    static String signed(byte[] secret, String headerJson, String payloadJson) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        return signingInput + "." + b64(hmac(secret, signingInput));
    }

    static byte[] hmac(byte[] secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
