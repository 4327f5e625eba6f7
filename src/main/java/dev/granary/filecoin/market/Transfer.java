package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * How the provider gets the deal data (Boost types.Transfer), a CBOR map. For online deals {@code type} is
 * {@value #HTTP} or {@value #LIBP2P} and {@code params} holds the JSON of {@link HttpTransferParams}; offline
 * deals carry {@link #NONE}.
 *
 * @param params opaque to this type; it may hold authorization headers, so {@link #toString()} leaves it out
 * @param size   bytes the provider will download (the CAR size), a Go uint64
 */
public record Transfer(String type, String clientId, byte[] params, long size) {
    public static final String HTTP = "http";
    public static final String LIBP2P = "libp2p";
    /** cbor-gen's ByteArrayMaxLen, the bound for Params on both write and read. */
    public static final int MAX_PARAMS_BYTES = 2 << 20;
    /** Go's zero Transfer, as offline deals send it. */
    public static final Transfer NONE = new Transfer("", "", new byte[0], 0);

    public static final CborCodec<Transfer> CODEC = CborCodec.of(Transfer::write, Transfer::read);

    private static final Set<String> KEYS = Set.of("Size", "Type", "Params", "ClientID");

    public Transfer {
        Fields.requireText(type, "transfer type");
        Fields.requireText(clientId, "transfer client ID");
        params = Objects.requireNonNull(params, "params").clone();
        if (params.length > MAX_PARAMS_BYTES) {
            throw new IllegalArgumentException("transfer params are " + params.length + " bytes, at most " + MAX_PARAMS_BYTES);
        }
    }

    /** A transfer whose params are {@code request} as Go writes it. */
    public static Transfer of(String type, HttpTransferParams request, long size) {
        return new Transfer(type, "", request.toJson(), size);
    }

    @Override
    public byte[] params() {
        return params.clone();
    }

    /** Reads {@link #params()} as Boost's HTTP request JSON, leniently as Go does; throws if it is not that. */
    public HttpTransferParams httpParams() {
        return HttpTransferParams.parse(params);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Transfer that && type.equals(that.type) && clientId.equals(that.clientId)
                && Arrays.equals(params, that.params) && size == that.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, clientId, Arrays.hashCode(params), size);
    }

    @Override
    public String toString() {
        return "Transfer[type=" + type + ", clientId=" + clientId + ", params=" + params.length + " bytes, size="
                + Long.toUnsignedString(size) + "]";
    }

    static void write(CborWriter w, Transfer t) {
        w.writeMapStruct(m -> m
                .field("Size", x -> x.writeUint64(t.size))
                .field("Type", x -> x.writeText(t.type))
                .field("Params", x -> x.writeBytes(t.params))
                .field("ClientID", x -> x.writeText(t.clientId)));
    }

    /** Missing keys keep Go's zero values, so an empty map reads as {@link #NONE}. */
    static Transfer read(CborReader r) {
        String type = "";
        String clientId = "";
        byte[] params = new byte[0];
        long size = 0;
        for (CborMapReader m = r.readMapStruct("Transfer", KEYS); m.next(); ) {
            switch (m.key()) {
                case "Size" -> size = r.readUint64();
                case "Type" -> type = r.readText();
                case "Params" -> params = r.readBytes(MAX_PARAMS_BYTES);
                case "ClientID" -> clientId = r.readText();
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new Transfer(type, clientId, params, size);
    }
}
