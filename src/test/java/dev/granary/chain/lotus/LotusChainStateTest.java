package dev.granary.chain.lotus;

import dev.granary.chain.ChainException.Kind;
import dev.granary.chain.ChainHead;
import dev.granary.chain.CollateralBounds;
import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MinerInfo;
import dev.granary.chain.NetworkParameters;
import dev.granary.chain.SectorLocation;
import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.TipSetKey;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.p2p.identity.PeerId;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.granary.chain.lotus.LotusTestSupport.assertCall;
import static dev.granary.chain.lotus.LotusTestSupport.await;
import static dev.granary.chain.lotus.LotusTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every state query of the port against recorded lotus replies: request shape, result mapping, empty answers. */
@ExtendWith(VertxExtension.class)
class LotusChainStateTest {
    private static final Address MINER = Address.parse("f01000");
    private static final Address CLIENT = Address.parse("f1nfm7gnbtxhjvq4bvbdnyrypubdq3xtvrg3n6sqa");
    private static final String OWNER = "f322rptspqc5fajswxatb4ykzvwxh3fp4tpqlo5vajqda5blyhgfcjmjo55pskgn6dab4tmmfglgjuj7cr4isq";

    private RecordedLotusNode node;
    private LotusChain chain;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        node = RecordedLotusNode.deploy(vertx);
        chain = new LotusChain(vertx, node.lotusConfig());
    }

    @AfterEach
    void tearDown() throws Exception {
        await(chain.close());
    }

    @Test
    void headIsTheTipsetOfChainHead() throws Exception {
        ChainHead head = await(chain.head());

        assertCall(node, "Filecoin.ChainHead", "[]");
        assertEquals(4863283, head.epoch());
        assertEquals(1744204890, head.timestamp(), "the blocks' Timestamp");
        assertEquals(recordedKey(Recordings.result("Filecoin.ChainHead", "ok")), head.key());
        assertEquals(2, head.key().cids().size());
    }

    @Test
    void networkParametersCombineTheNodeWithThePolicy() throws Exception {
        NetworkParameters params = await(chain.networkParameters());

        assertCall(node, "Filecoin.StateGetNetworkParams", "[]");
        assertEquals(new NetworkParameters("mainnet", 30, 150, 518_400, 3_680_640, 3_680_640, 86_400 + 150,
                List.of(32L << 30, 64L << 30)), params);
    }

    @Test
    void accountKeyResolvesAnIdAddressAtTheHead() throws Exception {
        assertEquals(Address.parse(OWNER), await(chain.accountKey(Address.parse("f01001"))));
        assertCall(node, "Filecoin.StateAccountKey", "[\"f01001\", []]");
    }

    @Test
    void accountKeyOfAnUnknownActorIsRejectedWithLotusReason() {
        node.script("Filecoin.StateAccountKey", new RecordedLotusNode.Recorded("actorNotFound"));
        var error = failure(chain.accountKey(Address.parse("f01999")), Kind.REJECTED);
        assertTrue(error.getMessage().contains("resolution lookup failed (f01999)"), error.getMessage());
        assertTrue(error.getMessage().contains("Filecoin.StateAccountKey"), error.getMessage());
    }

    @Test
    void lookupIdFindsTheActor() throws Exception {
        assertEquals(Optional.of(Address.parse("f01500")), await(chain.lookupId(CLIENT)));
        assertCall(node, "Filecoin.StateLookupID", "[\"" + CLIENT + "\", []]");
    }

    @Test
    void lookupIdOfAnAddressWithoutActorIsEmpty() throws Exception {
        node.script("Filecoin.StateLookupID", new RecordedLotusNode.Recorded("actorNotFound"));
        assertEquals(Optional.empty(), await(chain.lookupId(CLIENT)));
    }

    @Test
    void walletBalanceTakesNoTipsetKey() throws Exception {
        assertEquals(TokenAmount.parse("1234.5 FIL"), await(chain.walletBalance(CLIENT)));
        assertCall(node, "Filecoin.WalletBalance", "[\"" + CLIENT + "\"]");
    }

    @Test
    void marketBalanceHasEscrowAndLocked() throws Exception {
        MarketBalance balance = await(chain.marketBalance(CLIENT));
        assertCall(node, "Filecoin.StateMarketBalance", "[\"" + CLIENT + "\", []]");
        assertEquals(TokenAmount.parse("5 FIL"), balance.escrow());
        assertEquals(TokenAmount.parse("1.25 FIL"), balance.locked());

        node.script("Filecoin.StateMarketBalance", new RecordedLotusNode.Recorded("zero"));
        assertEquals(MarketBalance.ZERO, await(chain.marketBalance(CLIENT)));
    }

    @Test
    void collateralBoundsForAPaddedSize() throws Exception {
        CollateralBounds bounds = await(chain.dealProviderCollateralBounds(32L << 30, true));
        assertCall(node, "Filecoin.StateDealProviderCollateralBounds", "[34359738368, true, []]");
        assertEquals(TokenAmount.ofAttoFil(7205759403792794L), bounds.min());
        assertEquals(TokenAmount.ofFil(2_000_000_000), bounds.max());
    }

    @Test
    void datacapOfAVerifiedClient() throws Exception {
        assertEquals(Optional.of(BigInteger.ONE.shiftLeft(40)), await(chain.verifiedClientDataCap(CLIENT)));
        assertCall(node, "Filecoin.StateVerifiedClientStatus", "[\"" + CLIENT + "\", []]");
    }

    @Test
    void datacapIsEmptyForNullAndForAnAddressWithoutActor() throws Exception {
        node.script("Filecoin.StateVerifiedClientStatus",
                new RecordedLotusNode.Recorded("null"), new RecordedLotusNode.Recorded("actorNotFound"));
        assertEquals(Optional.empty(), await(chain.verifiedClientDataCap(CLIENT)));
        assertEquals(Optional.empty(), await(chain.verifiedClientDataCap(CLIENT)));
    }

    @Test
    void minerInfoConvertsPeerIdTextAndMultiaddrBase64ToBytes() throws Exception {
        MinerInfo info = await(chain.minerInfo(MINER));

        assertCall(node, "Filecoin.StateMinerInfo", "[\"f01000\", []]");
        assertEquals(Address.parse(OWNER), info.owner());
        assertEquals(Address.parse("f01002"), info.worker());
        assertEquals(List.of(Address.parse("f01003")), info.controlAddresses());
        assertArrayEquals(PeerId.parse("12D3KooWFBbSnAJeaBeXh2jhEGqiCjGDnsrahBEtTfXcagDsPwjZ").bytes(), info.peerId().orElseThrow());
        assertEquals(2, info.multiaddrs().size());
        assertArrayEquals(HexFormat.of().parseHex("04cb007107065dc1"), info.multiaddrs().getFirst(), "/ip4/203.0.113.7/tcp/24001");
        assertEquals(32L << 30, info.sectorSize());
        assertEquals(2349, info.windowPoStPartitionSectors());
    }

    @Test
    void minerInfoWithoutPeerOrAddressesReadsNullsAsEmpty() throws Exception {
        node.script("Filecoin.StateMinerInfo", new RecordedLotusNode.Recorded("bare"));
        MinerInfo info = await(chain.minerInfo(MINER));
        assertEquals(Optional.empty(), info.peerId());
        assertEquals(List.of(), info.multiaddrs());
        assertEquals(List.of(), info.controlAddresses());
    }

    @Test
    void minerInfoOfANonMinerIsRejected() {
        node.script("Filecoin.StateMinerInfo", new RecordedLotusNode.Recorded("notMiner"));
        var error = failure(chain.minerInfo(Address.parse("f01999")), Kind.REJECTED);
        assertTrue(error.getMessage().contains("failed to load miner actor: actor not found"), error.getMessage());
    }

    @Test
    void marketDealReadsProposalAndState() throws Exception {
        MarketDeal deal = await(chain.marketDeal(5_000_000)).orElseThrow();

        assertCall(node, "Filecoin.StateMarketStorageDeal", "[5000000, []]");
        DealProposal p = deal.proposal();
        assertEquals(Cid.parse("baga6ea4seaqovlm3fyzu2bvj5g6ysgx7wol2jzgoas3h4klofoqrobt2wmizghq"), p.pieceCid());
        assertEquals(32L << 30, p.pieceSize());
        assertTrue(p.verifiedDeal());
        assertEquals(Address.parse("f01500"), p.client());
        assertEquals(MINER, p.provider());
        assertEquals(DealLabel.text("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"), p.label());
        assertEquals(4863283 + 2880, p.startEpoch());
        assertEquals(4863283 + 2880 + 1555200, p.endEpoch());
        assertEquals(TokenAmount.ZERO, p.storagePricePerEpoch());
        assertEquals(TokenAmount.ofAttoFil(7927935638490656L), p.providerCollateral());
        assertEquals(new MarketDeal.DealState(4863283 + 1500, 4863283 + 2000, -1, 42), deal.state());
        assertTrue(deal.state().activated());
        assertFalse(deal.state().slashed());
    }

    @Test
    void aPublishedButUnprovenDealIsUnactivated() throws Exception {
        node.script("Filecoin.StateMarketStorageDeal", new RecordedLotusNode.Recorded("pending"));
        MarketDeal deal = await(chain.marketDeal(5_000_001)).orElseThrow();
        assertEquals(MarketDeal.DealState.UNACTIVATED, deal.state());
        assertEquals(DealLabel.EMPTY, deal.proposal().label());
    }

    @Test
    void aDealTheMarketDoesNotHoldIsEmpty() throws Exception {
        node.script("Filecoin.StateMarketStorageDeal", new RecordedLotusNode.Recorded("notFound"));
        assertEquals(Optional.empty(), await(chain.marketDeal(77)));
    }

    @Test
    void preCommitInfoWithDeals() throws Exception {
        SectorPreCommitOnChainInfo pre = await(chain.sectorPreCommitInfo(MINER, 42)).orElseThrow();

        assertCall(node, "Filecoin.StateSectorPreCommitInfo", "[\"f01000\", 42, []]");
        assertEquals(8, pre.info().sealProof());
        assertEquals(42, pre.info().sectorNumber());
        assertEquals(Cid.parse(cidAt("Filecoin.StateSectorPreCommitInfo", "ok", "Info", "SealedCID")), pre.info().sealedCid());
        assertEquals(List.of(5_000_000L, 5_000_001L), pre.info().dealIds());
        assertEquals(4863283 - 100, pre.info().sealRandEpoch());
        assertEquals(4863283 + 1555200 + 20000, pre.info().expiration());
        assertEquals(Optional.of(Cid.parse(cidAt("Filecoin.StateSectorPreCommitInfo", "ok", "Info", "UnsealedCid"))),
                pre.info().unsealedCid());
        assertEquals(TokenAmount.ofAttoFil(2157296187000000000L), pre.preCommitDeposit());
        assertEquals(4863283 - 50, pre.preCommitEpoch());
    }

    @Test
    void preCommitOfCommittedCapacityHasNoDealsAndNoCommD() throws Exception {
        node.script("Filecoin.StateSectorPreCommitInfo", new RecordedLotusNode.Recorded("committedCapacity"),
                new RecordedLotusNode.Recorded("null"));
        SectorPreCommitOnChainInfo pre = await(chain.sectorPreCommitInfo(MINER, 43)).orElseThrow();
        assertEquals(List.of(), pre.info().dealIds());
        assertEquals(Optional.empty(), pre.info().unsealedCid());
        assertEquals(Optional.empty(), await(chain.sectorPreCommitInfo(MINER, 44)));
    }

    @Test
    void sectorInfoAsksForFaultsToo() throws Exception {
        node.script("Filecoin.StateMinerFaults", new RecordedLotusNode.Recorded("faulty42"));
        SectorOnChainInfo sector = await(chain.sectorInfo(MINER, 42)).orElseThrow();

        assertCall(node, "Filecoin.StateSectorGetInfo", "[\"f01000\", 42, []]");
        assertCall(node, "Filecoin.StateMinerFaults", "[\"f01000\", []]");
        assertEquals(42, sector.sectorNumber());
        assertEquals(8, sector.sealProof());
        assertEquals(Cid.parse(cidAt("Filecoin.StateSectorGetInfo", "ok", "SealedCID")), sector.sealedCid());
        assertEquals(List.of(), sector.dealIds(), "lotus no longer writes a sector's deal IDs");
        assertEquals(4863283 + 1500, sector.activation());
        assertEquals(4863283 + 1555200 + 20000, sector.expiration());
        assertEquals(TokenAmount.ofAttoFil(6190447426000000000L), sector.initialPledge());
        assertTrue(sector.faulty(), "42 is in the faults bitfield [40, 3, 10, 1] = {40, 41, 42, 53}");
    }

    @Test
    void aSectorOutsideTheFaultsIsHealthy() throws Exception {
        node.script("Filecoin.StateMinerFaults", new RecordedLotusNode.Recorded("none"));
        assertFalse(await(chain.sectorInfo(MINER, 42)).orElseThrow().faulty());
    }

    @Test
    void anUnknownSectorIsEmptyWithoutAskingForFaults() throws Exception {
        node.script("Filecoin.StateSectorGetInfo", new RecordedLotusNode.Recorded("null"));
        assertEquals(Optional.empty(), await(chain.sectorInfo(MINER, 99)));
        assertEquals(List.of(), node.received("Filecoin.StateMinerFaults"));
    }

    @Test
    void sectorLocationAndItsAbsence() throws Exception {
        assertEquals(Optional.of(new SectorLocation(17, 2)), await(chain.sectorLocation(MINER, 42)));
        assertCall(node, "Filecoin.StateSectorPartition", "[\"f01000\", 42, []]");

        node.script("Filecoin.StateSectorPartition", new RecordedLotusNode.Recorded("notFound"));
        assertEquals(Optional.empty(), await(chain.sectorLocation(MINER, 43)));
    }

    @Test
    void ticketRandomnessSendsTagEpochAndBase64Entropy() throws Exception {
        byte[] entropy = Address.parse("f01000").bytes();
        byte[] randomness = await(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 4863183, entropy));

        assertCall(node, "Filecoin.StateGetRandomnessFromTickets",
                "[5, 4863183, \"" + Base64.getEncoder().encodeToString(entropy) + "\", []]");
        assertArrayEquals(recordedBytes("Filecoin.StateGetRandomnessFromTickets"), randomness);
        assertEquals(32, randomness.length);
    }

    @Test
    void beaconRandomnessSendsTagEpochAndBase64Entropy() throws Exception {
        byte[] entropy = {1, 2, 3};
        byte[] randomness = await(chain.beaconRandomness(DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED, 4863333, entropy));

        assertCall(node, "Filecoin.StateGetRandomnessFromBeacon", "[6, 4863333, \"AQID\", []]");
        assertArrayEquals(recordedBytes("Filecoin.StateGetRandomnessFromBeacon"), randomness);
    }

    @Test
    void randomnessOfTheWrongLengthIsAProtocolError() {
        node.script("Filecoin.StateGetRandomnessFromTickets", new RecordedLotusNode.Recorded("short"));
        var error = failure(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 1, new byte[0]), Kind.PROTOCOL);
        assertTrue(error.getMessage().contains("Filecoin.StateGetRandomnessFromTickets"), error.getMessage());
        assertTrue(error.getMessage().contains("expected 32 bytes of randomness, got 1"), error.getMessage());
    }

    private static TipSetKey recordedKey(Object tipSet) {
        JsonArray cids = ((JsonObject) tipSet).getJsonArray("Cids");
        return new TipSetKey(cids.stream().map(c -> Cid.parse(((JsonObject) c).getString("/"))).toList());
    }

    private static String cidAt(String method, String reply, String... path) {
        JsonObject at = (JsonObject) Recordings.result(method, reply);
        for (String field : path) {
            at = at.getJsonObject(field);
        }
        return at.getString("/");
    }

    private static byte[] recordedBytes(String method) {
        return Base64.getDecoder().decode((String) Recordings.result(method, "ok"));
    }
}
