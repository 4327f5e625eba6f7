package dev.granary.piece;

import dev.granary.ipld.Cid;
import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.Varint;

import java.util.Arrays;

/**
 * Piece CIDs. v1: {@code fil-commitment-unsealed} codec, {@code sha2-256-trunc254-padded} multihash of the bare
 * 32-byte root. v2 (FRC-0069): raw codec, {@code fr32-sha256-trunc254-padbintree} multihash whose digest is
 * {@code uvarint(padding) ‖ height ‖ root}. Reading is as lenient as the other implementations are between them
 * (any codec on v2, any padding that leaves a non-negative payload); writing is exact.
 */
public final class PieceCids {
    private PieceCids() {
    }

    public static Cid v1(Commitment commP) {
        return Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, commP.bytes()));
    }

    public static Cid v2(PieceCommitment piece) {
        long padding = piece.padding();
        byte[] digest = new byte[Varint.size(padding) + 1 + Commitment.BYTES];
        int at = Varint.write(padding, digest, 0);
        digest[at] = (byte) piece.size().height();
        piece.commP().copyTo(digest, at + 1);
        return Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, digest));
    }

    /** The root of a v1 piece CID; refuses any other codec, hash or digest length. */
    public static Commitment fromV1(Cid cid) {
        if (cid.version() != 1 || cid.codec() != Multicodec.FIL_COMMITMENT_UNSEALED) {
            throw new InvalidPieceCidException(cid + " is not a piece CID v1: codec 0x" + Long.toHexString(cid.codec()) + ", want fil-commitment-unsealed 0xf101");
        }
        Multihash mh = cid.multihash();
        if (mh.code() != Multicodec.SHA2_256_TRUNC254_PADDED || mh.digestLength() != Commitment.BYTES) {
            throw new InvalidPieceCidException(cid + " is not a piece CID v1: multihash 0x" + Long.toHexString(mh.code()) + " with "
                    + mh.digestLength() + " bytes, want sha2-256-trunc254-padded 0x1012 with 32");
        }
        return Commitment.of(mh.digest());
    }

    /** Root, padded size and payload size of a v2 piece CID. */
    public static PieceCommitment fromV2(Cid cid) {
        Multihash mh = cid.multihash();
        if (cid.version() != 1 || mh.code() != Multicodec.FR32_SHA256_TRUNC254_PADBINTREE) {
            throw new InvalidPieceCidException(cid + " is not a piece CID v2: multihash 0x" + Long.toHexString(mh.code()) + ", want fr32-sha256-trunc254-padbintree 0x1011");
        }
        byte[] digest = mh.digest();
        Varint.Decoded padding;
        try {
            padding = Varint.decode(digest, 0);
        } catch (IpldFormatException e) {
            throw new InvalidPieceCidException(cid + ": bad padding varint in piece CID v2 (" + e.getMessage() + ")", e);
        }
        if (digest.length != padding.length() + 1 + Commitment.BYTES) {
            throw new InvalidPieceCidException(cid + ": piece CID v2 digest is " + digest.length + " bytes, want padding varint + 33");
        }
        int height = digest[padding.length()] & 0xFF;
        if (height < 2 || height > ZeroCommitments.MAX_LEVEL) {
            throw new InvalidPieceCidException(cid + ": piece CID v2 tree height " + height + " is outside 2.." + ZeroCommitments.MAX_LEVEL);
        }
        PaddedPieceSize size = PaddedPieceSize.ofHeight(height);
        long payload = size.unpadded().bytes() - padding.value();
        if (payload < 0) {
            throw new InvalidPieceCidException(cid + ": piece CID v2 padding " + padding.value() + " exceeds the piece's " + size.unpadded() + " payload bytes");
        }
        Commitment root = Commitment.of(Arrays.copyOfRange(digest, padding.length() + 1, digest.length));
        return new PieceCommitment(root, size, payload);
    }

    /** v1 → v2; v1 carries neither size, so both must be known from elsewhere (the deal). */
    public static Cid v1ToV2(Cid v1, PaddedPieceSize size, long payloadSize) {
        return new PieceCommitment(fromV1(v1), size, payloadSize).cidV2();
    }

    /** v2 → v1; the padded size to keep beside it is {@code fromV2(v2).size()}. */
    public static Cid v2ToV1(Cid v2) {
        return fromV2(v2).cidV1();
    }

    public static boolean isV2(Cid cid) {
        return cid.multihash().code() == Multicodec.FR32_SHA256_TRUNC254_PADBINTREE;
    }

    /** Parses text as a CID, turning a malformed string into an {@link InvalidPieceCidException}. */
    public static Cid parse(String text) {
        try {
            return Cid.parse(text.strip());
        } catch (IllegalArgumentException e) { // IpldFormatException included
            throw new InvalidPieceCidException("'" + text + "' is not a CID: " + e.getMessage(), e);
        }
    }
}
