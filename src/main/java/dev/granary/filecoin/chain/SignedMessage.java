package dev.granary.filecoin.chain;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;

/** A message and its sender's signature over {@link Message#signingBytes()} (lotus {@code types.SignedMessage}). */
public record SignedMessage(Message message, Signature signature) {
    public static final List<String> FIELDS = List.of("Message", "Signature");

    public static final CborCodec<SignedMessage> CODEC = CborCodec.of(SignedMessage::write, SignedMessage::read);

    public SignedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * {@code SignedMessage.Cid()}: a BLS-signed message is known by its unsigned CID (the signatures of a block are
     * aggregated, so they cannot be part of the identity); a secp256k1 or delegated one by the CID of this tuple.
     */
    public Cid cid() {
        return signature.type() == SignatureType.BLS ? message.cid() : DagCborCids.of(Cbor.encode(CODEC, this));
    }

    static void write(CborWriter w, SignedMessage m) {
        w.writeArrayHeader(FIELDS.size());
        Message.write(w, m.message);
        FilecoinCbor.writeSignature(w, m.signature);
    }

    static SignedMessage read(CborReader r) {
        return r.readTuple("SignedMessage", FIELDS,
                in -> new SignedMessage(Message.read(in), FilecoinCbor.readSignature(in)));
    }
}
