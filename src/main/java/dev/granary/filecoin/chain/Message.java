package dev.granary.filecoin.chain;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;

/**
 * An unsigned chain message (lotus {@code types.Message}): a CBOR tuple of 10 in field order. Its CID is dag-cbor
 * blake2b-256 over this tuple, and what a sender signs is that CID's bytes ({@link #signingBytes()}).
 *
 * @param version    always 0 today; lotus refuses anything else
 * @param nonce      the sender's sequence number, a Go uint64
 * @param gasLimit   a Go int64
 * @param method     the actor method number, a Go uint64; 0 is a plain value transfer
 * @param params     the method's CBOR parameters, empty for none
 */
public record Message(long version, Address to, Address from, long nonce, TokenAmount value, long gasLimit,
                      TokenAmount gasFeeCap, TokenAmount gasPremium, long method, byte[] params) {

    public static final List<String> FIELDS = List.of("Version", "To", "From", "Nonce", "Value", "GasLimit",
            "GasFeeCap", "GasPremium", "Method", "Params");
    /** Lotus' mpool refuses messages whose serialized form is larger (MaxMessageSize). */
    public static final int MAX_BYTES = 64 << 10;

    public static final CborCodec<Message> CODEC = CborCodec.of(Message::write, Message::read);

    public Message {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(gasFeeCap, "gasFeeCap");
        Objects.requireNonNull(gasPremium, "gasPremium");
        params = params.clone();
    }

    @Override
    public byte[] params() {
        return params.clone();
    }

    public byte[] cbor() {
        return Cbor.encode(CODEC, this);
    }

    /** {@code Message.Cid()}: the CID a BLS-signed message is known by. */
    public Cid cid() {
        return DagCborCids.of(cbor());
    }

    /** The bytes a wallet signs for this message: its CID in binary form (lotus' WalletSignMessage). */
    public byte[] signingBytes() {
        return cid().bytes();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && version == that.version && nonce == that.nonce
                && gasLimit == that.gasLimit && method == that.method && to.equals(that.to) && from.equals(that.from)
                && value.equals(that.value) && gasFeeCap.equals(that.gasFeeCap)
                && gasPremium.equals(that.gasPremium) && java.util.Arrays.equals(params, that.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, to, from, nonce, value, gasLimit, method) * 31 + java.util.Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return "Message[" + from + " -> " + to + " #" + nonce + " method " + method + ", value "
                + value.toFilString() + ", " + params.length + " param bytes]";
    }

    static void write(CborWriter w, Message m) {
        w.writeArrayHeader(FIELDS.size()).writeUint64(m.version);
        FilecoinCbor.writeAddress(w, m.to);
        FilecoinCbor.writeAddress(w, m.from);
        w.writeUint64(m.nonce);
        FilecoinCbor.writeTokenAmount(w, m.value);
        w.writeInt64(m.gasLimit);
        FilecoinCbor.writeTokenAmount(w, m.gasFeeCap);
        FilecoinCbor.writeTokenAmount(w, m.gasPremium);
        w.writeUint64(m.method).writeBytes(m.params);
    }

    static Message read(CborReader r) {
        return r.readTuple("Message", FIELDS, in -> new Message(in.readUint64(), FilecoinCbor.readAddress(in),
                FilecoinCbor.readAddress(in), in.readUint64(), FilecoinCbor.readTokenAmount(in), in.readInt64(),
                FilecoinCbor.readTokenAmount(in), FilecoinCbor.readTokenAmount(in), in.readUint64(),
                in.readBytes(MAX_BYTES)));
    }
}
