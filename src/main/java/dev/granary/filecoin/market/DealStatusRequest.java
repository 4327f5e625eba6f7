package dev.granary.filecoin.market;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.InvalidSignatureException;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureVerifier;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A client asking for a deal's state (Boost types.DealStatusRequest, protocol {@value #PROTOCOL}), a CBOR map
 * of 2 keys. The signature is the deal client's, over the 16 raw bytes of the UUID ({@link #signingBytes}).
 */
public record DealStatusRequest(UUID dealUuid, Signature signature) {
    public static final String PROTOCOL = "/fil/storage/status/1.2.0";

    public static final CborCodec<DealStatusRequest> CODEC = CborCodec.of(DealStatusRequest::write, DealStatusRequest::read);

    private static final Set<String> KEYS = Set.of("DealUUID", "Signature");

    public DealStatusRequest {
        Objects.requireNonNull(dealUuid, "dealUuid");
        Objects.requireNonNull(signature, "signature");
    }

    /** What the client signs: Go's {@code uuid.MarshalBinary()}, the 16 RFC 4122 bytes. */
    public static byte[] signingBytes(UUID dealUuid) {
        return Fields.uuidBytes(dealUuid);
    }

    /**
     * Checks the signature against the deal client's key address (resolved from chain state when the
     * proposal names an f0 client). CPU work: keep it off the event loop.
     */
    public void verify(Address clientKeyAddress) throws InvalidSignatureException {
        SignatureVerifier.verify(signature, signingBytes(dealUuid), clientKeyAddress);
    }

    private static void write(CborWriter w, DealStatusRequest request) {
        w.writeMapStruct(m -> m
                .field("DealUUID", x -> Fields.writeUuid(x, request.dealUuid))
                .field("Signature", x -> FilecoinCbor.writeSignature(x, request.signature)));
    }

    /** Both keys are required: a zero Go signature has type 0, which no decoder accepts. */
    private static DealStatusRequest read(CborReader r) {
        UUID dealUuid = null;
        Signature signature = null;
        for (CborMapReader m = r.readMapStruct("DealStatusRequest", KEYS); m.next(); ) {
            switch (m.key()) {
                case "DealUUID" -> dealUuid = Fields.readUuid(r);
                case "Signature" -> signature = FilecoinCbor.readSignature(r);
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new DealStatusRequest(Fields.required(r, dealUuid, "DealStatusRequest", "DealUUID"),
                Fields.required(r, signature, "DealStatusRequest", "Signature"));
    }
}
