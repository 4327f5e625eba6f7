package dev.granary.ipld.cbor;

import dev.granary.ipld.Cid;

import java.math.BigInteger;
import java.util.List;

/**
 * A DealProposal-shaped tuple (commp.md §9.2), written here only to exercise the codec API the way the market
 * codecs will use it. The label keeps its CBOR kind: exactly one of {@code labelText} and {@code labelBytes}.
 */
record SampleDealProposal(Cid pieceCid, long pieceSize, boolean verifiedDeal, byte[] client, byte[] provider,
                          String labelText, byte[] labelBytes, long startEpoch, long endEpoch,
                          BigInteger storagePricePerEpoch, BigInteger providerCollateral, BigInteger clientCollateral) {

    static final List<String> FIELDS = List.of("PieceCID", "PieceSize", "VerifiedDeal", "Client", "Provider", "Label",
            "StartEpoch", "EndEpoch", "StoragePricePerEpoch", "ProviderCollateral", "ClientCollateral");

    static final CborCodec<SampleDealProposal> CODEC = CborCodec.of(SampleDealProposal::write, SampleDealProposal::read);

    private static final int MAX_ADDRESS_BYTES = 64;
    private static final int MAX_LABEL_BYTES = 2 << 20;

    static void write(CborWriter w, SampleDealProposal p) {
        w.writeArrayHeader(11)
                .writeCid(p.pieceCid())
                .writeUint64(p.pieceSize())
                .writeBool(p.verifiedDeal())
                .writeBytes(p.client())
                .writeBytes(p.provider());
        if (p.labelBytes() != null) {
            w.writeBytes(p.labelBytes());
        } else {
            w.writeText(p.labelText());
        }
        w.writeInt64(p.startEpoch())
                .writeInt64(p.endEpoch())
                .writeBigInt(p.storagePricePerEpoch())
                .writeBigInt(p.providerCollateral())
                .writeBigInt(p.clientCollateral());
    }

    static SampleDealProposal read(CborReader r) {
        return r.readTuple("DealProposal", FIELDS, in -> {
            Cid pieceCid = in.readCid();
            long pieceSize = in.readUint64();
            boolean verified = in.readBool();
            byte[] client = address(in);
            byte[] provider = address(in);
            boolean bytesLabel = in.peekType() == CborType.BYTES;
            byte[] labelBytes = bytesLabel ? in.readBytes(MAX_LABEL_BYTES) : null;
            String labelText = bytesLabel ? null : in.readText(MAX_LABEL_BYTES);
            return new SampleDealProposal(pieceCid, pieceSize, verified, client, provider, labelText, labelBytes,
                    in.readInt64(), in.readInt64(), in.readBigInt(), in.readBigInt(), in.readBigInt());
        });
    }

    private static byte[] address(CborReader r) {
        byte[] address = r.readBytes(MAX_ADDRESS_BYTES);
        if (address.length == 0) {
            throw r.fail("empty address");
        }
        return address;
    }
}
