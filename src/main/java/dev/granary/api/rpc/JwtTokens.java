package dev.granary.api.rpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Lotus-compatible API tokens: HS256 JWTs whose payload is {@code {"Allow":["read",...]}}, so tokens
 * minted by lotus with the same secret work here and vice versa. Thread-safe.
 */
public final class JwtTokens {

    /** Lotus generates 32-byte secrets; anything shorter would weaken HMAC-SHA256 below its design strength. */
    public static final int SECRET_BYTES = 32;
    /** Real tokens are ~150 characters; the cap bounds the work an unauthenticated client can cause. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    private static final String HMAC = "HmacSHA256";
    private static final String ALGORITHM = "HS256";
    private static final Base64.Encoder B64_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    // Duplicate keys would let two parsers disagree about what a token says; refuse them outright.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    // Field order matters: lotus' JWT library writes exactly this header, and the bytes are signed.
    private static final String HEADER_SEGMENT =
            encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;

    public JwtTokens(byte[] secret) {
        if (secret == null || secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("token secret must be at least " + SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
    }

    /** A fresh random secret of the length lotus uses. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A token granting {@code perm} and everything below it. */
    public String create(Permission perm) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode allow = payload.putArray("Allow");
        perm.allowList().forEach(allow::add);
        String signingInput = HEADER_SEGMENT + "." + encode(toJsonBytes(payload));
        return signingInput + "." + encode(sign(signingInput));
    }

    /**
     * The highest permission the token grants.
     *
     * @throws InvalidTokenException if the token is malformed, not HS256, not signed with our secret,
     *                               or grants no permission we know
     */
    public Permission verify(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("token is empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("token must have three dot-separated parts");
        }
        byte[] header = decode(parts[0], "header");
        byte[] payload = decode(parts[1], "payload");
        byte[] signature = decode(parts[2], "signature");
        // Signature first: nothing an outsider wrote is interpreted until we know we issued it.
        byte[] expected = sign(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new InvalidTokenException("token signature is invalid");
        }
        requireHs256(parseObject(header, "header"));
        return highestAllowed(parseObject(payload, "payload"));
    }

    private static void requireHs256(JsonNode header) throws InvalidTokenException {
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !ALGORITHM.equals(alg.textValue())) {
            throw new InvalidTokenException("token algorithm must be " + ALGORITHM);
        }
    }

    private static Permission highestAllowed(JsonNode payload) throws InvalidTokenException {
        JsonNode allow = payload.get("Allow");
        if (allow == null || !allow.isArray()) {
            throw new InvalidTokenException("token payload has no Allow list");
        }
        Permission highest = null;
        for (JsonNode entry : allow) {
            // Unknown names are skipped rather than fatal: a newer lotus may mint permissions we do not model.
            Optional<Permission> known = entry.isTextual() ? Permission.fromWireName(entry.textValue()) : Optional.empty();
            if (known.isPresent() && (highest == null || known.get().covers(highest))) {
                highest = known.get();
            }
        }
        if (highest == null) {
            throw new InvalidTokenException("token grants no known permission");
        }
        return highest;
    }

    private static JsonNode parseObject(byte[] json, String part) throws InvalidTokenException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("token " + part + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            // Jackson reports every malformed-input case (including nesting limits) as an IOException.
            throw new InvalidTokenException("token " + part + " is not valid JSON");
        }
    }

    /**
     * Strict base64url: besides alphabet errors, rejects padding and non-zero leftover bits, which
     * the JDK decoder tolerates. Otherwise several spellings would decode to the same signature.
     */
    private static byte[] decode(String segment, String part) throws InvalidTokenException {
        try {
            byte[] bytes = B64_DECODER.decode(segment);
            if (!encode(bytes).equals(segment)) {
                throw new InvalidTokenException("token " + part + " is not canonical unpadded base64url");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token " + part + " is not valid base64url");
        }
    }

    private static String encode(byte[] bytes) {
        return B64_ENCODER.encodeToString(bytes);
    }

    private byte[] sign(String signingInput) {
        try {
            // Mac instances are not thread-safe and cheap to create, so one per call.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    private static byte[] toJsonBytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise token payload", e);
        }
    }
}
