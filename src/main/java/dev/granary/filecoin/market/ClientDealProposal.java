package dev.granary.filecoin.market;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.AddressProtocol;
import dev.granary.filecoin.InvalidSignatureException;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureVerifier;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;

/** A deal proposal with the client's signature over its CBOR: a tuple of 2 (go-state-types market.ClientDealProposal). */
public record ClientDealProposal(DealProposal proposal, Signature clientSignature) {
    public static final List<String> FIELDS = List.of("Proposal", "ClientSignature");

    public static final CborCodec<ClientDealProposal> CODEC = CborCodec.of(ClientDealProposal::write, ClientDealProposal::read);

    public ClientDealProposal {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(clientSignature, "clientSignature");
    }

    /**
     * The signed proposal CID: dag-cbor, sha2-256 over this tuple's CBOR. Boost keys deduplication, IPNI
     * context IDs and legacy lookups by it.
     */
    public Cid signedProposalCid() {
        return Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(Cbor.encode(CODEC, this)));
    }

    /**
     * Checks the signature against the proposal's client address. An f0 client is refused: only chain state
     * knows its key address, so resolve it (StateAccountKey) and call {@link #verify(Address)}. Likewise an f4
     * client that is a contract needs the chain's AuthenticateMessage call, which this check does not make.
     * CPU work (EC recovery or pairings): keep it off the event loop.
     */
    public void verify() throws InvalidSignatureException {
        Address client = proposal.client();
        if (client.protocol() == AddressProtocol.ID) {
            throw new InvalidSignatureException("client " + client + " is an ID address; resolve it to its key address"
                    + " on chain (StateAccountKey) and verify against that");
        }
        verify(client);
    }

    /** Checks the signature against {@code clientKeyAddress}, the key address the caller resolved the client to. */
    public void verify(Address clientKeyAddress) throws InvalidSignatureException {
        SignatureVerifier.verify(clientSignature, proposal.signingBytes(), clientKeyAddress);
    }

    static void write(CborWriter w, ClientDealProposal p) {
        w.writeArrayHeader(FIELDS.size());
        DealProposal.write(w, p.proposal);
        FilecoinCbor.writeSignature(w, p.clientSignature);
    }

    static ClientDealProposal read(CborReader r) {
        return r.readTuple("ClientDealProposal", FIELDS,
                in -> new ClientDealProposal(DealProposal.read(in), FilecoinCbor.readSignature(in)));
    }
}
