package dev.granary.chain.lotus;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotusConfigTest {
    @Test
    void aBareNodeAddressGetsTheRpcPath() {
        assertEquals(URI.create("http://lotus:1234/rpc/v1"), LotusConfig.of("http://lotus:1234", "").url());
        assertEquals(URI.create("http://lotus:1234/rpc/v1"), LotusConfig.of("http://lotus:1234/", "").url());
        assertEquals(URI.create("https://lotus.example/rpc/v0"), LotusConfig.of("HTTPS://lotus.example/rpc/v0", "").url());
    }

    @Test
    void chainNotifyUsesTheWebSocketSchemeOfTheSameEndpoint() {
        assertEquals(URI.create("ws://10.0.0.5:1234/rpc/v1"), LotusConfig.of("http://10.0.0.5:1234/rpc/v1", "").webSocketUrl());
        assertEquals(URI.create("http://10.0.0.5:1234/rpc/v1"), LotusConfig.of("ws://10.0.0.5:1234/rpc/v1", "").url(),
                "a FULLNODE_API_INFO-style ws:// address names the same endpoint");
        assertEquals(URI.create("https://node.example/rpc/v1"), LotusConfig.of("wss://node.example", "").url());
        assertEquals(URI.create("wss://lotus.example/rpc/v1"), LotusConfig.of("https://lotus.example", "").webSocketUrl());
    }

    @Test
    void urlsThatCannotBeALotusEndpointAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LotusConfig.of("ftp://lotus:1234", ""));
        assertThrows(IllegalArgumentException.class, () -> LotusConfig.of("lotus:1234", ""));
        var tokenInUrl = assertThrows(IllegalArgumentException.class, () -> LotusConfig.of("http://lotus:1234/rpc/v1?token=secret", ""));
        assertFalse(tokenInUrl.getMessage().contains("secret"), "the message must not repeat the token");
    }

    @Test
    void aTokenThatWouldBreakTheHeaderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LotusConfig.of("http://lotus:1234", "abc\r\nX-Evil: 1"));
        assertEquals("abc.def.ghi", LotusConfig.of("http://lotus:1234", " abc.def.ghi\n").token(), "a token file's newline is trimmed");
    }

    @Test
    void theTokenNeverAppearsInToString() {
        String text = LotusConfig.of("http://lotus:1234", "eyJhbGciOiJIUzI1NiJ9.secret.sig").toString();
        assertFalse(text.contains("secret"), text);
        assertTrue(text.contains("<redacted>"), text);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        LotusConfig config = LotusConfig.of("http://lotus:1234", "");
        assertEquals(Duration.ofMillis(500), config.backoff(1));
        assertEquals(Duration.ofSeconds(1), config.backoff(2));
        assertEquals(Duration.ofSeconds(2), config.backoff(3));
        assertEquals(Duration.ofSeconds(30), config.backoff(8));
        assertEquals(Duration.ofSeconds(30), config.backoff(1000), "no overflow however long the node is away");
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        LotusConfig config = LotusConfig.of("http://lotus:1234", "");
        assertThrows(IllegalArgumentException.class, () -> config.withRetries(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> config.withMaxResponseBytes(10));
    }

    @Test
    void theMainnetPolicyIsTheActorsOne() {
        LotusPolicy policy = LotusPolicy.MAINNET;
        assertEquals(180 * 2880, policy.minDealDuration());
        assertEquals(1278 * 2880, policy.maxDealDuration());
        assertEquals(1278 * 2880, policy.maxSectorExpirationExtension());
        assertEquals(30 * 2880 + 150, policy.maxProveCommitDuration(150));
    }
}
