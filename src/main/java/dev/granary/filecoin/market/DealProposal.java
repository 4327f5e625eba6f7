package dev.granary.filecoin.market;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;
import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.util.List;
import java.util.Objects;

/**
 * The on-chain storage deal terms (go-state-types builtin market.DealProposal), a CBOR tuple of 11 in field
 * order. What the client signs is exactly this tuple's CBOR ({@link #signingBytes()}); since the decoder only
 * accepts canonical encodings, a decoded proposal writes back to the very bytes that were signed.
 *
 * @param pieceCid             CommP as a piece CID v1 (fil-commitment-unsealed, sha2-256-trunc254-padded, 32 bytes)
 * @param pieceSize            padded piece size, a Go uint64 (read unsigned)
 * @param startEpoch           may be negative on the wire; validation, not the type, refuses that
 * @param storagePricePerEpoch like the collaterals, may be negative on the wire for the same reason
 */
public record DealProposal(Cid pieceCid, long pieceSize, boolean verifiedDeal, Address client, Address provider,
                           DealLabel label, long startEpoch, long endEpoch, TokenAmount storagePricePerEpoch,
                           TokenAmount providerCollateral, TokenAmount clientCollateral) {

    public static final List<String> FIELDS = List.of("PieceCID", "PieceSize", "VerifiedDeal", "Client", "Provider",
            "Label", "StartEpoch", "EndEpoch", "StoragePricePerEpoch", "ProviderCollateral", "ClientCollateral");

    public static final CborCodec<DealProposal> CODEC = CborCodec.of(DealProposal::write, DealProposal::read);

    private static final int PIECE_DIGEST_BYTES = 32;

    public DealProposal {
        Objects.requireNonNull(pieceCid, "pieceCid");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(storagePricePerEpoch, "storagePricePerEpoch");
        Objects.requireNonNull(providerCollateral, "providerCollateral");
        Objects.requireNonNull(clientCollateral, "clientCollateral");
        String problem = pieceCidProblem(pieceCid);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why {@code cid} cannot be a deal's PieceCID, or null if it can. Checked when the proposal is decoded, so
     * nothing downstream sees a proposal whose piece is not a CommP.
     */
    public static String pieceCidProblem(Cid cid) {
        Multihash hash = cid.multihash();
        if (cid.version() != 1 || cid.codec() != Multicodec.FIL_COMMITMENT_UNSEALED
                || hash.code() != Multicodec.SHA2_256_TRUNC254_PADDED || hash.digestLength() != PIECE_DIGEST_BYTES) {
            return "PieceCID " + cid + " is not a piece CID (v1, fil-commitment-unsealed, sha2-256-trunc254-padded, 32-byte digest)";
        }
        return null;
    }

    /** The exact bytes the client signs (lotus/boost sign {@code cborutil.Dump(&proposal)}). */
    public byte[] signingBytes() {
        return Cbor.encode(CODEC, this);
    }

    /** {@code DealProposal.Cid()}: dag-cbor, blake2b-256 over {@link #signingBytes()}; the deal publisher logs it. */
    public Cid cid() {
        byte[] bytes = signingBytes();
        Blake2bDigest blake2b = new Blake2bDigest(256);
        blake2b.update(bytes, 0, bytes.length);
        byte[] digest = new byte[blake2b.getDigestSize()];
        blake2b.doFinal(digest, 0);
        return Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, digest));
    }

    static void write(CborWriter w, DealProposal p) {
        w.writeArrayHeader(FIELDS.size())
                .writeCid(p.pieceCid)
                .writeUint64(p.pieceSize)
                .writeBool(p.verifiedDeal);
        FilecoinCbor.writeAddress(w, p.client);
        FilecoinCbor.writeAddress(w, p.provider);
        DealLabel.CODEC.write(w, p.label);
        w.writeInt64(p.startEpoch).writeInt64(p.endEpoch);
        FilecoinCbor.writeTokenAmount(w, p.storagePricePerEpoch);
        FilecoinCbor.writeTokenAmount(w, p.providerCollateral);
        FilecoinCbor.writeTokenAmount(w, p.clientCollateral);
    }

    static DealProposal read(CborReader r) {
        return r.readTuple("DealProposal", FIELDS, in -> {
            Cid pieceCid = in.readCid();
            String problem = pieceCidProblem(pieceCid);
            if (problem != null) {
                throw in.fail(problem);
            }
            return new DealProposal(pieceCid, in.readUint64(), in.readBool(), FilecoinCbor.readAddress(in), FilecoinCbor.readAddress(in),
                    DealLabel.CODEC.read(in), in.readInt64(), in.readInt64(), FilecoinCbor.readTokenAmount(in),
                    FilecoinCbor.readTokenAmount(in), FilecoinCbor.readTokenAmount(in));
        });
    }
}
