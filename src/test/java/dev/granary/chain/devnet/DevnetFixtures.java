package dev.granary.chain.devnet;

import dev.granary.chain.ChainHead;
import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.actor.MarketMessages;
import dev.granary.chain.actor.PublishStorageDealsReturn;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.Wallet;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.piece.Commp;
import dev.granary.piece.PaddedPieceSize;
import dev.granary.piece.PieceCids;
import dev.granary.piece.PieceCommitment;
import dev.granary.piece.SectorLayout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.granary.chain.devnet.DevnetHarness.await;

/** Clients, deals and sectors for driving the devnet's actors the way the market and sealing code will. */
final class DevnetFixtures {
    static final Address MINER = Address.id(1000);
    static final long SECTOR_SIZE = 2048;
    static final long SEAL_PROOF = SealProofs.v1_1(SECTOR_SIZE);
    /** A 2 KiB sector holds four 512-byte pieces. */
    static final long PIECE_SIZE = 512;
    static final TokenAmount PRICE = TokenAmount.ofAttoFil(1000);
    static final TokenAmount PROVIDER_COLLATERAL = DevnetEconomics.providerCollateralBounds(PIECE_SIZE).min();

    private final DevnetChain chain;
    final Wallet clients;
    final DevnetMiner miner;

    DevnetFixtures(DevnetChain chain, Path clientKeys) throws Exception {
        this.chain = chain;
        this.clients = new Wallet(clientKeys);
        this.miner = await(chain.miner());
    }

    /** A client with its own key (not in the node's wallet), funded and with {@code escrow} in the market. */
    Address client(TokenAmount escrow) throws Exception {
        Address client = clients.newAddress(KeyType.SECP256K1);
        await(chain.fund(client, TokenAmount.ofFil(1)));
        if (escrow.signum() > 0) {
            await(chain.addEscrow(client, escrow));
        }
        return client;
    }

    /** The CommP of a 512-byte piece made from {@code name}. */
    static PieceCommitment piece(String name) {
        byte[] payload = new byte[(int) PaddedPieceSize.of(PIECE_SIZE).unpadded().bytes()];
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, payload, 0, Math.min(text.length, payload.length));
        return Commp.of(payload);
    }

    static DealProposal proposal(Address client, String pieceName, long start, long duration) {
        PieceCommitment piece = piece(pieceName);
        return new DealProposal(piece.cidV1(), piece.size().bytes(), false, client, MINER, DealLabel.text(pieceName),
                start, start + duration, PRICE, PROVIDER_COLLATERAL, TokenAmount.ZERO);
    }

    ClientDealProposal signed(DealProposal proposal) throws Exception {
        return signedBy(proposal, proposal.client());
    }

    ClientDealProposal signedBy(DealProposal proposal, Address signer) throws Exception {
        return new ClientDealProposal(proposal, clients.sign(signer, proposal.signingBytes()));
    }

    /** What a client must have in escrow for a deal: the whole storage fee plus its collateral. */
    static TokenAmount clientCost(DealProposal p) {
        return p.storagePricePerEpoch().multiply(p.endEpoch() - p.startEpoch()).add(p.clientCollateral());
    }

    /** Publishes from the worker, includes it in the next epoch and returns where it landed. */
    MessageLookup publish(List<ClientDealProposal> deals) throws Exception {
        return execute(MarketMessages.publishStorageDeals(miner.worker(), deals, TokenAmount.ZERO));
    }

    MessageLookup execute(MessageRequest request) throws Exception {
        Cid cid = await(chain.pushMessage(request));
        await(chain.advance(1));
        return await(chain.searchMessage(cid)).orElseThrow(() -> new AssertionError(cid + " not executed"));
    }

    static PublishStorageDealsReturn published(MessageLookup lookup) {
        return Cbor.decode(PublishStorageDealsReturn.CODEC, lookup.receipt().returnValue());
    }

    List<String> notes(MessageLookup lookup) throws Exception {
        return await(chain.messageReport(lookup.message())).orElseThrow().notes();
    }

    ChainHead head() throws Exception {
        return await(chain.head());
    }

    /** A sealed CID the actor accepts (fil-commitment-sealed, poseidon), distinct per sector. */
    static Cid sealedCid(long sectorNumber) {
        byte[] digest = new byte[32];
        digest[0] = (byte) sectorNumber;
        digest[31] = 0x0a;
        return Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, digest));
    }

    /** CommD of a sector holding these pieces, in order. */
    static Cid commD(List<DealProposal> deals) {
        return PieceCids.v1(SectorLayout.commD(PaddedPieceSize.of(SECTOR_SIZE), deals.stream()
                .map(d -> new SectorLayout.Piece(PieceCids.fromV1(d.pieceCid()), PaddedPieceSize.of(d.pieceSize()))).toList()));
    }

    static SectorPreCommitInfo preCommitInfo(long sector, long sealRandEpoch, List<Long> dealIds, long expiration,
                                             Optional<Cid> unsealed) {
        return new SectorPreCommitInfo(SEAL_PROOF, sector, sealedCid(sector), sealRandEpoch, dealIds, expiration, unsealed);
    }

    /** The proof the mock sealer would make, from the chain's randomness. */
    byte[] proof(SectorPreCommitInfo info, long preCommitEpoch, long challengeDelay) throws Exception {
        byte[] entropy = MockPoRep.entropy(MINER);
        byte[] ticket = await(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, info.sealRandEpoch(), entropy));
        byte[] seed = await(chain.beaconRandomness(DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED,
                preCommitEpoch + challengeDelay, entropy));
        return MockPoRep.proof(MINER.id(), info.sectorNumber(), info.sealProof(), info.sealedCid(),
                info.unsealedCid().orElse(MockPoRep.zeroCommD(SECTOR_SIZE)), ticket, seed);
    }
}
