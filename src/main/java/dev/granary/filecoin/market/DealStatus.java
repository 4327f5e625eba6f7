package dev.granary.filecoin.market;

import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Objects;
import java.util.Set;

/**
 * A deal's state inside a {@link DealStatusResponse} (Boost types.DealStatus), a CBOR map of 7 keys.
 *
 * @param error             non-empty if the deal failed
 * @param status            the checkpoint name: Accepted, Transferred, Published, PublishConfirmed, AddedPiece,
 *                          IndexedAndAnnounced, or Complete (which Boost only reaches on failure or termination)
 * @param publishCid        the PublishStorageDeals message, or null before publishing
 * @param chainDealId       the deal ID on chain, 0 until publishing is confirmed; a Go uint64
 * @param sealingStatus     the sealer's sector state name
 */
public record DealStatus(String error, String status, DealProposal proposal, Cid publishCid, long chainDealId,
                         String sealingStatus, Cid signedProposalCid) {
    public static final CborCodec<DealStatus> CODEC = CborCodec.of(DealStatus::write, DealStatus::read);

    private static final Set<String> KEYS = Set.of("Error", "Status", "Proposal", "PublishCid", "ChainDealID",
            "SealingStatus", "SignedProposalCid");

    public DealStatus {
        Fields.requireText(error, "error");
        Fields.requireText(status, "status");
        Objects.requireNonNull(proposal, "proposal");
        Fields.requireText(sealingStatus, "sealingStatus");
        Objects.requireNonNull(signedProposalCid, "signedProposalCid");
    }

    static void write(CborWriter w, DealStatus s) {
        w.writeMapStruct(m -> m
                .field("Error", x -> x.writeText(s.error))
                .field("Status", x -> x.writeText(s.status))
                .field("Proposal", x -> DealProposal.write(x, s.proposal))
                .field("PublishCid", x -> x.writeNullable(s.publishCid, CborWriter::writeCid))
                .field("ChainDealID", x -> x.writeUint64(s.chainDealId))
                .field("SealingStatus", x -> x.writeText(s.sealingStatus))
                .field("SignedProposalCid", x -> x.writeCid(s.signedProposalCid)));
    }

    /** Text and number keys default to Go's zero values; Proposal and SignedProposalCid have none and are required. */
    static DealStatus read(CborReader r) {
        String error = "";
        String status = "";
        DealProposal proposal = null;
        Cid publishCid = null;
        long chainDealId = 0;
        String sealingStatus = "";
        Cid signedProposalCid = null;
        for (CborMapReader m = r.readMapStruct("DealStatus", KEYS); m.next(); ) {
            switch (m.key()) {
                case "Error" -> error = r.readText();
                case "Status" -> status = r.readText();
                case "Proposal" -> proposal = DealProposal.read(r);
                case "PublishCid" -> publishCid = r.readNullable(CborReader::readCid);
                case "ChainDealID" -> chainDealId = r.readUint64();
                case "SealingStatus" -> sealingStatus = r.readText();
                case "SignedProposalCid" -> signedProposalCid = r.readCid();
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new DealStatus(error, status, Fields.required(r, proposal, "DealStatus", "Proposal"), publishCid, chainDealId,
                sealingStatus, Fields.required(r, signedProposalCid, "DealStatus", "SignedProposalCid"));
    }
}
