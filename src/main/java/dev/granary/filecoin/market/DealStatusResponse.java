package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The provider's answer to a {@link DealStatusRequest} (Boost types.DealStatusResponse), a CBOR map of 6 keys.
 *
 * @param error          non-empty if the request failed; then {@code dealStatus} is null
 * @param dealStatus     null on error
 * @param transferSize   the proposal's Transfer.Size; a Go uint64
 * @param nBytesReceived bytes received so far by a transfer in progress, else 0; a Go uint64
 */
public record DealStatusResponse(UUID dealUuid, String error, boolean isOffline, DealStatus dealStatus,
                                 long transferSize, long nBytesReceived) {
    public static final CborCodec<DealStatusResponse> CODEC = CborCodec.of(DealStatusResponse::write, DealStatusResponse::read);

    private static final Set<String> KEYS = Set.of("Error", "DealUUID", "IsOffline", "DealStatus", "TransferSize",
            "NBytesReceived");

    public DealStatusResponse {
        Objects.requireNonNull(dealUuid, "dealUuid");
        Fields.requireText(error, "error");
    }

    /** Boost's error reply: only the UUID and the reason, everything else zero. Long reasons are cut to fit. */
    public static DealStatusResponse failed(UUID dealUuid, String error) {
        return new DealStatusResponse(dealUuid, Fields.fitText(error, Fields.MAX_TEXT_BYTES), false, null, 0, 0);
    }

    private static void write(CborWriter w, DealStatusResponse s) {
        w.writeMapStruct(m -> m
                .field("Error", x -> x.writeText(s.error))
                .field("DealUUID", x -> Fields.writeUuid(x, s.dealUuid))
                .field("IsOffline", x -> x.writeBool(s.isOffline))
                .field("DealStatus", x -> x.writeNullable(s.dealStatus, DealStatus::write))
                .field("TransferSize", x -> x.writeUint64(s.transferSize))
                .field("NBytesReceived", x -> x.writeUint64(s.nBytesReceived)));
    }

    /** Missing keys take Go's zero values (DealStatus null), except the UUID, which names what is answered. */
    private static DealStatusResponse read(CborReader r) {
        String error = "";
        UUID dealUuid = null;
        boolean isOffline = false;
        DealStatus dealStatus = null;
        long transferSize = 0;
        long nBytesReceived = 0;
        for (CborMapReader m = r.readMapStruct("DealStatusResponse", KEYS); m.next(); ) {
            switch (m.key()) {
                case "Error" -> error = r.readText();
                case "DealUUID" -> dealUuid = Fields.readUuid(r);
                case "IsOffline" -> isOffline = r.readBool();
                case "DealStatus" -> dealStatus = r.readNullable(DealStatus::read);
                case "TransferSize" -> transferSize = r.readUint64();
                case "NBytesReceived" -> nBytesReceived = r.readUint64();
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new DealStatusResponse(Fields.required(r, dealUuid, "DealStatusResponse", "DealUUID"), error, isOffline,
                dealStatus, transferSize, nBytesReceived);
    }
}
