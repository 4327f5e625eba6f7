package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Set;

/**
 * The answer to an {@link AskRequest}, a CBOR map of 1 key.
 *
 * @param ask null when the request named a miner other than this provider (or the key is missing)
 */
public record AskResponse(SignedStorageAsk ask) {
    public static final CborCodec<AskResponse> CODEC = CborCodec.of(AskResponse::write, AskResponse::read);

    private static final Set<String> KEYS = Set.of("Ask");

    private static void write(CborWriter w, AskResponse response) {
        w.writeMapStruct(m -> m.field("Ask", x -> x.writeNullable(response.ask, SignedStorageAsk::write)));
    }

    private static AskResponse read(CborReader r) {
        SignedStorageAsk ask = null;
        for (CborMapReader m = r.readMapStruct("AskResponse", KEYS); m.next(); ) {
            ask = r.readNullable(SignedStorageAsk::read);
        }
        return new AskResponse(ask);
    }
}
