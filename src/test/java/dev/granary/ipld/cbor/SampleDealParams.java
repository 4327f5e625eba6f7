package dev.granary.ipld.cbor;

import dev.granary.ipld.Cid;

import java.util.List;
import java.util.Set;

/**
 * Boost's DealParams shape (boost.md §1.3/§1.4): a map struct holding a map struct (Transfer) and a tuple
 * (ClientDealProposal). Test-only, to exercise map structs, nesting and paths.
 */
record SampleDealParams(byte[] dealUuid, boolean isOffline, ClientDealProposal clientDealProposal, Cid dealDataRoot,
                        Transfer transfer, boolean removeUnsealedCopy, boolean skipIpniAnnounce) {

    record ClientDealProposal(SampleDealProposal proposal, byte[] clientSignature) {
        static final List<String> FIELDS = List.of("Proposal", "ClientSignature");

        void write(CborWriter w) {
            w.writeArrayHeader(2);
            SampleDealProposal.write(w, proposal);
            w.writeBytes(clientSignature);
        }

        static ClientDealProposal read(CborReader r) {
            return r.readTuple("ClientDealProposal", FIELDS,
                    in -> new ClientDealProposal(SampleDealProposal.read(in), in.readBytes(200)));
        }
    }

    record Transfer(String type, String clientId, byte[] params, long size) {
        static final Set<String> KEYS = Set.of("Type", "ClientID", "Params", "Size");
        static final CborCodec<Transfer> CODEC = CborCodec.of((w, t) -> t.write(w), Transfer::read);

        void write(CborWriter w) {
            w.writeMapStruct(m -> m
                    .field("Type", x -> x.writeText(type))
                    .field("ClientID", x -> x.writeText(clientId))
                    .field("Params", x -> x.writeBytes(params))
                    .field("Size", x -> x.writeUint64(size)));
        }

        static Transfer read(CborReader r) {
            String type = "";
            String clientId = "";
            byte[] params = new byte[0];
            long size = 0;
            for (CborMapReader m = r.readMapStruct("Transfer", KEYS); m.next(); ) {
                switch (m.key()) {
                    case "Type" -> type = r.readText();
                    case "ClientID" -> clientId = r.readText();
                    case "Params" -> params = r.readBytes();
                    case "Size" -> size = r.readUint64();
                    default -> throw new IllegalStateException(m.key());
                }
            }
            return new Transfer(type, clientId, params, size);
        }
    }

    static final Set<String> KEYS = Set.of("DealUUID", "IsOffline", "ClientDealProposal", "DealDataRoot", "Transfer",
            "RemoveUnsealedCopy", "SkipIPNIAnnounce");
    static final CborCodec<SampleDealParams> CODEC = CborCodec.of(SampleDealParams::write, SampleDealParams::read);

    static void write(CborWriter w, SampleDealParams p) {
        w.writeMapStruct(m -> m
                .field("DealUUID", x -> x.writeBytes(p.dealUuid()))
                .field("IsOffline", x -> x.writeBool(p.isOffline()))
                .field("ClientDealProposal", x -> p.clientDealProposal().write(x))
                .field("DealDataRoot", x -> x.writeCid(p.dealDataRoot()))
                .field("Transfer", x -> p.transfer().write(x))
                .field("RemoveUnsealedCopy", x -> x.writeBool(p.removeUnsealedCopy()))
                .field("SkipIPNIAnnounce", x -> x.writeBool(p.skipIpniAnnounce())));
    }

    static SampleDealParams read(CborReader r) {
        byte[] uuid = null;
        boolean offline = false;
        ClientDealProposal proposal = null;
        Cid root = null;
        Transfer transfer = new Transfer("", "", new byte[0], 0);
        boolean removeUnsealed = false;
        boolean skipIpni = false;
        CborMapReader m = r.readMapStruct("DealParams", KEYS);
        while (m.next()) {
            switch (m.key()) {
                case "DealUUID" -> {
                    uuid = r.readBytes(16);
                    if (uuid.length != 16) {
                        throw r.fail("a deal UUID has 16 bytes, not " + uuid.length);
                    }
                }
                case "IsOffline" -> offline = r.readBool();
                case "ClientDealProposal" -> proposal = ClientDealProposal.read(r);
                case "DealDataRoot" -> root = r.readCid();
                case "Transfer" -> transfer = Transfer.read(r);
                case "RemoveUnsealedCopy" -> removeUnsealed = r.readBool();
                case "SkipIPNIAnnounce" -> skipIpni = r.readBool();
                default -> throw new IllegalStateException(m.key());
            }
        }
        if (uuid == null || proposal == null || root == null) {
            throw r.fail("DealUUID, ClientDealProposal and DealDataRoot are required");
        }
        return new SampleDealParams(uuid, offline, proposal, root, transfer, removeUnsealed, skipIpni);
    }
}
