package dev.granary.filecoin.market;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Objects;
import java.util.Set;

/** A client asking for a miner's {@link StorageAsk} (protocol {@value #PROTOCOL}), a CBOR map of 1 key. */
public record AskRequest(Address miner) {
    public static final String PROTOCOL = "/fil/storage/ask/1.1.0";

    public static final CborCodec<AskRequest> CODEC = CborCodec.of(AskRequest::write, AskRequest::read);

    private static final Set<String> KEYS = Set.of("Miner");

    public AskRequest {
        Objects.requireNonNull(miner, "miner");
    }

    private static void write(CborWriter w, AskRequest request) {
        w.writeMapStruct(m -> m.field("Miner", x -> FilecoinCbor.writeAddress(x, request.miner)));
    }

    private static AskRequest read(CborReader r) {
        Address miner = null;
        for (CborMapReader m = r.readMapStruct("AskRequest", KEYS); m.next(); ) {
            miner = FilecoinCbor.readAddress(r);
        }
        return new AskRequest(Fields.required(r, miner, "AskRequest", "Miner"));
    }
}
