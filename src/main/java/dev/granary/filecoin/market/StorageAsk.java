package dev.granary.filecoin.market;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's advertised terms (go-fil-markets storagemarket.StorageAsk, still served by Boost), a CBOR map
 * of 8 keys. The canonical key order cbor-gen writes happens to be the one boost.md §1.10 lists,
 * {@link #WIRE_ORDER}. The miner's worker key signs {@link #signingBytes()}.
 *
 * @param price         attoFIL per GiB per epoch
 * @param verifiedPrice the same for verified deals
 * @param minPieceSize  padded bytes; a Go uint64, as is maxPieceSize
 * @param timestamp     epoch the ask was made
 * @param expiry        epoch after which it no longer holds
 * @param seqNo         increases with every change, so clients can tell the newest; a Go uint64
 */
public record StorageAsk(TokenAmount price, TokenAmount verifiedPrice, long minPieceSize, long maxPieceSize,
                         Address miner, long timestamp, long expiry, long seqNo) {
    public static final List<String> WIRE_ORDER = List.of("Miner", "Price", "SeqNo", "Expiry", "Timestamp",
            "MaxPieceSize", "MinPieceSize", "VerifiedPrice");

    public static final CborCodec<StorageAsk> CODEC = CborCodec.of(StorageAsk::write, StorageAsk::read);

    private static final Set<String> KEYS = Set.copyOf(WIRE_ORDER);

    public StorageAsk {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(verifiedPrice, "verifiedPrice");
        Objects.requireNonNull(miner, "miner");
    }

    /** The bytes the worker key signs for a {@link SignedStorageAsk}. */
    public byte[] signingBytes() {
        return Cbor.encode(CODEC, this);
    }

    static void write(CborWriter w, StorageAsk a) {
        w.writeMapStruct(m -> m
                .field("Miner", x -> FilecoinCbor.writeAddress(x, a.miner))
                .field("Price", x -> FilecoinCbor.writeTokenAmount(x, a.price))
                .field("SeqNo", x -> x.writeUint64(a.seqNo))
                .field("Expiry", x -> x.writeInt64(a.expiry))
                .field("Timestamp", x -> x.writeInt64(a.timestamp))
                .field("MaxPieceSize", x -> x.writeUint64(a.maxPieceSize))
                .field("MinPieceSize", x -> x.writeUint64(a.minPieceSize))
                .field("VerifiedPrice", x -> FilecoinCbor.writeTokenAmount(x, a.verifiedPrice)));
    }

    /** Missing prices and numbers take Go's zero values; Miner is required (Go cannot write an undefined address). */
    static StorageAsk read(CborReader r) {
        Address miner = null;
        TokenAmount price = TokenAmount.ZERO;
        long seqNo = 0;
        long expiry = 0;
        long timestamp = 0;
        long maxPieceSize = 0;
        long minPieceSize = 0;
        TokenAmount verifiedPrice = TokenAmount.ZERO;
        for (CborMapReader m = r.readMapStruct("StorageAsk", KEYS); m.next(); ) {
            switch (m.key()) {
                case "Miner" -> miner = FilecoinCbor.readAddress(r);
                case "Price" -> price = FilecoinCbor.readTokenAmount(r);
                case "SeqNo" -> seqNo = r.readUint64();
                case "Expiry" -> expiry = r.readInt64();
                case "Timestamp" -> timestamp = r.readInt64();
                case "MaxPieceSize" -> maxPieceSize = r.readUint64();
                case "MinPieceSize" -> minPieceSize = r.readUint64();
                case "VerifiedPrice" -> verifiedPrice = FilecoinCbor.readTokenAmount(r);
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new StorageAsk(price, verifiedPrice, minPieceSize, maxPieceSize,
                Fields.required(r, miner, "StorageAsk", "Miner"), timestamp, expiry, seqNo);
    }
}
