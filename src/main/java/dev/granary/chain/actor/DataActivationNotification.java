package dev.granary.chain.actor;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An actor the miner notifies once a piece is activated, and what it sends: a tuple of 2 (go-state-types
 * builtin/v13+ miner {@code DataActivationNotification}; builtin-actors actors/miner/src/types.rs, payload a
 * {@code RawBytes}). For a built-in market deal it is the market actor with the deal ID
 * ({@link MarketDealNotification}).
 */
public record DataActivationNotification(Address address, byte[] payload) {
    public static final List<String> FIELDS = List.of("Address", "Payload");
    public static final CborCodec<DataActivationNotification> CODEC = CborCodec.of(DataActivationNotification::write,
            DataActivationNotification::read);

    public DataActivationNotification {
        Objects.requireNonNull(address, "address");
        payload = ActorFields.bytes(payload, "payload");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    static void write(CborWriter w, DataActivationNotification n) {
        w.writeArrayHeader(FIELDS.size());
        FilecoinCbor.writeAddress(w, n.address);
        w.writeBytes(n.payload);
    }

    static DataActivationNotification read(CborReader r) {
        return r.readTuple("DataActivationNotification", FIELDS,
                in -> new DataActivationNotification(FilecoinCbor.readAddress(in), in.readBytes()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataActivationNotification that && address.equals(that.address)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "DataActivationNotification[address=" + address + ", payload=" + HexFormat.of().formatHex(payload) + "]";
    }
}
