package dev.granary.node.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeySchemaTest {

    @Test
    void environmentNamesFollowTheDocumentedRule() {
        assertEquals(List.of("GRANARY_API_LISTEN", "GRANARY_API_MAX_BODY_BYTES", "GRANARY_STORE_URL",
                        "GRANARY_STORE_POOL_SIZE", "GRANARY_P2P_LISTEN", "GRANARY_P2P_MAX_CONNECTIONS",
                        "GRANARY_P2P_MAX_STREAMS_PER_CONNECTION", "GRANARY_P2P_HANDSHAKE_TIMEOUT", "GRANARY_P2P_IDLE_TIMEOUT",
                        "GRANARY_CHAIN_URL", "GRANARY_CHAIN_TOKEN",
                        "GRANARY_CHAIN_DEVNET_BLOCK_TIME", "GRANARY_CHAIN_DEVNET_SECTOR_SIZE",
                        "GRANARY_CHAIN_DEVNET_PRE_COMMIT_CHALLENGE_DELAY", "GRANARY_CHAIN_DEVNET_SEED",
                        "GRANARY_CHAIN_DEVNET_INCLUSION_DELAY", "GRANARY_LOG_LEVEL"),
                KeySchema.KEYS.stream().map(ConfigKey::envVar).toList());
    }

    @Test
    void sectionsAreListedInDocumentationOrder() {
        assertEquals(List.of("api", "store", "p2p", "chain", "log"), KeySchema.sections());
    }

    @Test
    void suggestionsCatchTyposSeparatorsAndWrongSections() {
        assertEquals(Optional.of("api.listen"), KeySuggestions.suggest("api.lisen"));
        assertEquals(Optional.of("api.max-body-bytes"), KeySuggestions.suggest("api.max_body_bytes"));
        assertEquals(Optional.of("api.max-body-bytes"), KeySuggestions.suggest("api.maxbodybytes"));
        assertEquals(Optional.of("store.pool-size"), KeySuggestions.suggest("api.pool-size"));
        assertEquals(Optional.of("log"), KeySuggestions.suggest("logs"));
        assertEquals(Optional.of("log.level"), KeySuggestions.suggest("level"));
        assertEquals(Optional.empty(), KeySuggestions.suggest("store.listen")); // api.listen or p2p.listen: no guess
        assertEquals(Optional.empty(), KeySuggestions.suggest("metrics"));
    }

    @Test
    void editDistance() {
        assertEquals(0, KeySuggestions.distance("abc", "abc"));
        assertEquals(1, KeySuggestions.distance("abc", "abd"));
        assertEquals(3, KeySuggestions.distance("", "abc"));
        assertEquals(3, KeySuggestions.distance("kitten", "sitting"));
    }
}
