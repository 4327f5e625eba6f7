package dev.granary.filecoin.market;

import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborMapReader;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;
import dev.granary.ipld.cbor.CborMapWriter;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A storage deal request (Boost types.DealParams, protocol {@value #PROTOCOL}): a CBOR map of 7 keys. The
 * {@link #CODEC} writes this version and reads both it and {@link DealParamsV120}'s 5-key form, whose missing
 * flags read as false (keep the unsealed copy, announce to IPNI), as Boost's own decoder leaves them.
 *
 * @param dealDataRoot       root CID of the deal payload; required even for offline deals
 * @param transfer           {@link Transfer#NONE} for offline deals
 * @param removeUnsealedCopy false keeps an unsealed copy for fast retrieval
 * @param skipIpniAnnounce   false announces the deal to IPNI
 */
public record DealParams(UUID dealUuid, boolean isOffline, ClientDealProposal clientDealProposal, Cid dealDataRoot,
                         Transfer transfer, boolean removeUnsealedCopy, boolean skipIpniAnnounce) {
    public static final String PROTOCOL = "/fil/storage/mk/1.2.1";

    static final Set<String> V120_KEYS = Set.of("DealUUID", "Transfer", "IsOffline", "DealDataRoot", "ClientDealProposal");
    private static final Set<String> KEYS = Set.of("DealUUID", "Transfer", "IsOffline", "DealDataRoot", "ClientDealProposal",
            "SkipIPNIAnnounce", "RemoveUnsealedCopy");

    public static final CborCodec<DealParams> CODEC = CborCodec.of(DealParams::write, r -> read(r, KEYS, "DealParams"));

    public DealParams {
        Objects.requireNonNull(dealUuid, "dealUuid");
        Objects.requireNonNull(clientDealProposal, "clientDealProposal");
        Objects.requireNonNull(dealDataRoot, "dealDataRoot");
        Objects.requireNonNull(transfer, "transfer");
    }

    /** The same request for a provider that only speaks 1.2.0; the two flags are dropped. */
    public DealParamsV120 toV120() {
        return new DealParamsV120(dealUuid, isOffline, clientDealProposal, dealDataRoot, transfer);
    }

    static void write(CborWriter w, DealParams p) {
        w.writeMapStruct(m -> {
            writeV120Fields(m, p.dealUuid, p.isOffline, p.clientDealProposal, p.dealDataRoot, p.transfer);
            m.field("SkipIPNIAnnounce", x -> x.writeBool(p.skipIpniAnnounce))
                    .field("RemoveUnsealedCopy", x -> x.writeBool(p.removeUnsealedCopy));
        });
    }

    static void writeV120Fields(CborMapWriter m, UUID dealUuid, boolean isOffline, ClientDealProposal proposal,
                                Cid dealDataRoot, Transfer transfer) {
        m.field("DealUUID", x -> Fields.writeUuid(x, dealUuid))
                .field("Transfer", x -> Transfer.write(x, transfer))
                .field("IsOffline", x -> x.writeBool(isOffline))
                .field("DealDataRoot", x -> x.writeCid(dealDataRoot))
                .field("ClientDealProposal", x -> ClientDealProposal.write(x, proposal));
    }

    /**
     * Reads either version; keys outside {@code knownKeys} are skipped like any unknown key. Missing flags and
     * Transfer take Go's zero values; the UUID, proposal and root are required (a deal cannot be tracked,
     * checked or fetched without them, and Go could not have written a zero CID).
     */
    static DealParams read(CborReader r, Set<String> knownKeys, String type) {
        UUID dealUuid = null;
        boolean isOffline = false;
        ClientDealProposal proposal = null;
        Cid dealDataRoot = null;
        Transfer transfer = Transfer.NONE;
        boolean removeUnsealedCopy = false;
        boolean skipIpniAnnounce = false;
        for (CborMapReader m = r.readMapStruct(type, knownKeys); m.next(); ) {
            switch (m.key()) {
                case "DealUUID" -> dealUuid = Fields.readUuid(r);
                case "Transfer" -> transfer = Transfer.read(r);
                case "IsOffline" -> isOffline = r.readBool();
                case "DealDataRoot" -> dealDataRoot = r.readCid();
                case "ClientDealProposal" -> proposal = ClientDealProposal.read(r);
                case "SkipIPNIAnnounce" -> skipIpniAnnounce = r.readBool();
                case "RemoveUnsealedCopy" -> removeUnsealedCopy = r.readBool();
                default -> throw new IllegalStateException("unhandled key " + m.key());
            }
        }
        return new DealParams(Fields.required(r, dealUuid, type, "DealUUID"), isOffline,
                Fields.required(r, proposal, type, "ClientDealProposal"), Fields.required(r, dealDataRoot, type, "DealDataRoot"),
                transfer, removeUnsealedCopy, skipIpniAnnounce);
    }
}
