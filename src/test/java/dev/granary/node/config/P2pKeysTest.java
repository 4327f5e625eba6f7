package dev.granary.node.config;

import dev.granary.p2p.P2pConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The libp2p limits: documented defaults, each layer, and refusals that name the key. */
@ExtendWith(VertxExtension.class)
class P2pKeysTest {
    static ConfigFixture fixture;

    @BeforeAll
    static void fixture(Vertx vertx) {
        fixture = new ConfigFixture(vertx);
    }

    @Test
    void defaultsAreTheDocumentedLimits() {
        P2pConfig p2p = fixture.load(null, Map.of(), Map.of()).p2p();
        assertEquals(new P2pConfig("/ip4/0.0.0.0/tcp/24001"), p2p);
        assertEquals(256, p2p.maxConnections());
        assertEquals(Duration.ofSeconds(10), p2p.handshakeTimeout());
        assertEquals(Duration.ofMinutes(5), p2p.idleTimeout());
    }

    @Test
    void limitsComeFromTheEnvironmentAndTheCommandLine() {
        P2pConfig p2p = fixture.load(null, Map.of("GRANARY_P2P_MAX_CONNECTIONS", "12",
                        "GRANARY_P2P_IDLE_TIMEOUT", "2h"),
                Map.of("p2p.max-streams-per-connection", "32", "p2p.handshake-timeout", "1500ms")).p2p();
        assertEquals(new P2pConfig("/ip4/0.0.0.0/tcp/24001", 12, 32, Duration.ofMillis(1500), Duration.ofHours(2)), p2p);
    }

    @Test
    void aZeroTimeoutOrAnOutOfRangeLimitIsRefusedByName() {
        String zero = fixture.problem(null, Map.of(), Map.of("p2p.handshake-timeout", "0"));
        assertTrue(zero.startsWith("p2p.handshake-timeout") && zero.contains("longer than 0"), zero);
        String many = fixture.problem(null, Map.of("GRANARY_P2P_MAX_CONNECTIONS", "0"), Map.of());
        assertTrue(many.startsWith("p2p.max-connections") && many.contains("GRANARY_P2P_MAX_CONNECTIONS"), many);
    }
}
