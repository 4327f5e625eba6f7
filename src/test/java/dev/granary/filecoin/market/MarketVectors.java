package dev.granary.filecoin.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granary.ipld.cbor.CborCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;

/** The vector files under src/test/resources/vectors/market (each names its sources). */
final class MarketVectors {
    static final HexFormat HEX = HexFormat.of();

    /** PublishStorageDealsParams, the message vector (c) comes in: a tuple of one field, the signed proposals. */
    static final CborCodec<List<ClientDealProposal>> PUBLISH_STORAGE_DEALS = CborCodec.of(
            (w, deals) -> w.writeArrayHeader(1).writeArray(deals, ClientDealProposal::write),
            r -> r.readTuple("PublishStorageDealsParams", List.of("Deals"), in -> in.readArray(ClientDealProposal::read)));

    private MarketVectors() {
    }

    static JsonNode load(String name) {
        try (InputStream in = MarketVectors.class.getResourceAsStream("/vectors/market/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + name);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
