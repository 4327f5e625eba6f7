package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Set;

/**
 * The provider's answer to {@link DealParams} (Boost types.DealResponse), a CBOR map of 2 keys.
 *
 * @param message empty when accepted, else the rejection reason the client shows its user
 */
public record DealResponse(boolean accepted, String message) {
    public static final CborCodec<DealResponse> CODEC = CborCodec.of(DealResponse::write, DealResponse::read);

    private static final Set<String> KEYS = Set.of("Message", "Accepted");

    public static final DealResponse ACCEPTED = new DealResponse(true, "");

    public DealResponse {
        Fields.requireText(message, "message");
    }

    /** A rejection; a reason too long for cbor-gen (or not valid text) is cut down rather than failing the reply. */
    public static DealResponse rejected(String reason) {
        return new DealResponse(false, Fields.fitText(reason, Fields.MAX_TEXT_BYTES));
    }

    private static void write(CborWriter w, DealResponse response) {
        w.writeMapStruct(m -> m
                .field("Message", x -> x.writeText(response.message))
                .field("Accepted", x -> x.writeBool(response.accepted)));
    }

    private static DealResponse read(CborReader r) {
        String message = "";
        boolean accepted = false;
        for (CborMapReader m = r.readMapStruct("DealResponse", KEYS); m.next(); ) {
            switch (m.key()) {
                case "Message" -> message = r.readText();
                case "Accepted" -> accepted = r.readBool();
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new DealResponse(accepted, message);
    }
}
