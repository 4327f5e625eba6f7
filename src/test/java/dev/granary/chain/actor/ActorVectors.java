package dev.granary.chain.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.stream.StreamSupport;

/** Vector files: ours under src/test/resources/chain/actor, the market ones shared with filecoin.market. */
final class ActorVectors {
    static final HexFormat HEX = HexFormat.of();

    private ActorVectors() {
    }

    static JsonNode load(String resource) {
        try (InputStream in = ActorVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }

    static long[] longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).toArray();
    }
}
