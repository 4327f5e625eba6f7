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

/**
 * A {@link StorageAsk} with the miner worker's signature over its CBOR (go-fil-markets SignedStorageAsk), a
 * CBOR map of 2 keys. Go declares both as pointers, but a provider always sends both, so both are required.
 */
public record SignedStorageAsk(StorageAsk ask, Signature signature) {
    public static final CborCodec<SignedStorageAsk> CODEC = CborCodec.of(SignedStorageAsk::write, SignedStorageAsk::read);

    private static final Set<String> KEYS = Set.of("Ask", "Signature");

    public SignedStorageAsk {
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(signature, "signature");
    }

    /** Checks the signature against the miner's worker key address (from chain state). CPU work. */
    public void verify(Address workerKeyAddress) throws InvalidSignatureException {
        SignatureVerifier.verify(signature, ask.signingBytes(), workerKeyAddress);
    }

    static void write(CborWriter w, SignedStorageAsk s) {
        w.writeMapStruct(m -> m
                .field("Ask", x -> StorageAsk.write(x, s.ask))
                .field("Signature", x -> FilecoinCbor.writeSignature(x, s.signature)));
    }

    static SignedStorageAsk read(CborReader r) {
        StorageAsk ask = null;
        Signature signature = null;
        for (CborMapReader m = r.readMapStruct("SignedStorageAsk", KEYS); m.next(); ) {
            switch (m.key()) {
                case "Ask" -> ask = StorageAsk.read(r);
                case "Signature" -> signature = FilecoinCbor.readSignature(r);
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new SignedStorageAsk(Fields.required(r, ask, "SignedStorageAsk", "Ask"),
                Fields.required(r, signature, "SignedStorageAsk", "Signature"));
    }
}
