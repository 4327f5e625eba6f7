package dev.granary.chain.actor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.granary.chain.actor.ActorVectors.HEX;
import static dev.granary.chain.actor.ActorVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Market actor params and returns, byte for byte, and the messages built from them. */
class MarketParamsTest {
    private static final JsonNode MARKET = ActorVectors.load("/chain/actor/market-vectors.json");
    private static final JsonNode PROPOSALS = ActorVectors.load("/vectors/market/deal-proposals.json");
    private static final Address MINER = Address.id(1000);
    private static final TokenAmount ONE_FIL = TokenAmount.ofFil(1);

    @Test
    void publishStorageDealsFromTheFevmTestsRoundTrips() {
        JsonNode v = MARKET.get("publishStorageDealsFevm");
        byte[] bytes = hex(v, "hex");
        PublishStorageDealsParams params = Cbor.decode(PublishStorageDealsParams.CODEC, bytes);
        assertEquals(v.get("deals").asInt(), params.deals().size());
        ClientDealProposal deal = params.deals().getFirst();
        assertEquals(Cbor.decode(DealProposal.CODEC, hex(PROPOSALS.get("proposals").get(0), "hex")), deal.proposal());
        assertEquals(SignatureType.fromCode(v.get("signatureType").asInt()), deal.clientSignature().type());
        assertEquals(v.get("signatureDataBytes").asInt(), deal.clientSignature().data().length);
        assertArrayEquals(bytes, Cbor.encode(PublishStorageDealsParams.CODEC, params));
    }

    /** Lotus' itest vector (c) is refused for its dummy piece CID, with the path down to the field. */
    @Test
    void publishStorageDealsFromTheLotusItestIsRefusedWhereItIsInvalid() {
        byte[] bytes = hex(PROPOSALS.get("publishStorageDeals"), "hex");
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(PublishStorageDealsParams.CODEC, bytes));
        assertEquals("PublishStorageDealsParams.Deals[0] > ClientDealProposal.Proposal > DealProposal.PieceCID", e.path());
    }

    /** ... and with a real piece CID and its label as a byte string, it reads and writes back unchanged. */
    @Test
    void publishStorageDealsFromTheLotusItestRoundTripsOnceRepaired() {
        JsonNode v = PROPOSALS.get("publishStorageDeals");
        String realPieceCid = PROPOSALS.get("proposals").get(0).get("hex").asText().substring(2, 2 + 2 * 44);
        String label = v.get("labelItem").asText();
        byte[] bytes = HEX.parseHex(v.get("hex").asText().replace(v.get("pieceCidItem").asText(), realPieceCid)
                .replace(label, "44" + label.substring(2)));
        PublishStorageDealsParams params = Cbor.decode(PublishStorageDealsParams.CODEC, bytes);
        assertEquals(DealLabel.bytes(HEX.parseHex("deadbeef")), params.deals().getFirst().proposal().label());
        assertArrayEquals(bytes, Cbor.encode(PublishStorageDealsParams.CODEC, params));
    }

    /**
     * Three proposals, the middle one invalid. Derivation: 82 (tuple of 2), 82 (2 IDs) 19 04d2 (1234) 19 04d4
     * (1236), 41 3c (bitfield {0, 2}: bits 00 version, 1 starts set, 1 run of 1 set, 1 run of 1 unset, 1 run of 1
     * set = 0,0,1,1,1,1 least significant first = 0b00111100).
     */
    @Test
    void publishStorageDealsReturnMapsPositionsToDealIds() {
        byte[] bytes = HEX.parseHex("8282190" + "4d2" + "1904d4" + "413c");
        PublishStorageDealsReturn result = Cbor.decode(PublishStorageDealsReturn.CODEC, bytes);
        assertEquals(new PublishStorageDealsReturn(List.of(1234L, 1236L), BitField.of(0, 2)), result);
        assertEquals(Optional.of(1234L), result.dealIdAt(0));
        assertEquals(Optional.empty(), result.dealIdAt(1));
        assertEquals(Optional.of(1236L), result.dealIdAt(2));
        assertEquals(Optional.empty(), result.dealIdAt(3));
        assertEquals(Optional.empty(), result.dealIdAt(-1));
        assertArrayEquals(bytes, Cbor.encode(PublishStorageDealsReturn.CODEC, result));
    }

    @Test
    void publishStorageDealsReturnNeedsOneIdPerValidDeal() {
        assertThrows(IllegalArgumentException.class, () -> new PublishStorageDealsReturn(List.of(1L), BitField.of(0, 1)));
        CborDecodeException e = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(PublishStorageDealsReturn.CODEC, HEX.parseHex("828101413c")));
        assertTrue(e.getMessage().contains("1 deal IDs for 2 valid deals"), e.getMessage());
        assertTrue(e.path().startsWith("PublishStorageDealsReturn"), e.getMessage());
    }

    /** The deal list is bounded by cbor-gen's 8192 before anything is allocated for it. */
    @Test
    void tooManyDealsAreRefusedWithTheField() {
        CborDecodeException e = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(PublishStorageDealsParams.CODEC, HEX.parseHex("81992001")));
        assertEquals("PublishStorageDealsParams.Deals", e.path());
        assertTrue(e.problem().contains("array of 8193 items over the 8192-entry limit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PublishStorageDealsParams(
                Collections.nCopies(8193, Cbor.decode(ClientDealProposal.CODEC, clientProposalBytes()))));
    }

    /** AddBalance params are the bare address: 43 (bytes, 3) 00 (ID protocol) e807 (1000 as a varint). */
    @Test
    void addBalanceMessageCarriesTheAddressAndTheAmountAsValue() {
        MessageRequest message = MarketMessages.addBalance(Address.id(1001), MINER, ONE_FIL, TokenAmount.ofAttoFil(5));
        assertEquals(Actors.MARKET, message.to());
        assertEquals(MarketMethod.ADD_BALANCE, message.method());
        assertEquals(ONE_FIL, message.value());
        assertEquals(TokenAmount.ofAttoFil(5), message.maxFee());
        assertArrayEquals(HEX.parseHex("4300e807"), message.params());
        assertEquals(new AddBalanceParams(MINER), Cbor.decode(AddBalanceParams.CODEC, message.params()));
    }

    /**
     * 82 (tuple of 2), 43 00e807 (f01000), 49 00 0de0b6b3a7640000 (big int: sign byte 00, then 10^18 big-endian).
     */
    @Test
    void withdrawBalanceParamsAndReturn() {
        MessageRequest message = MarketMessages.withdrawBalance(MINER, MINER, ONE_FIL, TokenAmount.ZERO);
        assertEquals(MarketMethod.WITHDRAW_BALANCE, message.method());
        assertEquals(TokenAmount.ZERO, message.value());
        assertArrayEquals(HEX.parseHex("824300e80749000de0b6b3a7640000"), message.params());
        WithdrawBalanceReturn paid = Cbor.decode(WithdrawBalanceReturn.CODEC, HEX.parseHex("49000de0b6b3a7640000"));
        assertEquals(ONE_FIL, paid.amountWithdrawn());
        assertEquals(TokenAmount.ZERO, Cbor.decode(WithdrawBalanceReturn.CODEC, HEX.parseHex("40")).amountWithdrawn());
    }

    @Test
    void publishStorageDealsMessage() {
        ClientDealProposal deal = Cbor.decode(ClientDealProposal.CODEC, clientProposalBytes());
        MessageRequest message = MarketMessages.publishStorageDeals(Address.id(1002), List.of(deal, deal), TokenAmount.ZERO);
        assertEquals(Actors.MARKET, message.to());
        assertEquals(MarketMethod.PUBLISH_STORAGE_DEALS, message.method());
        assertEquals(TokenAmount.ZERO, message.value());
        assertEquals(new PublishStorageDealsParams(List.of(deal, deal)),
                Cbor.decode(PublishStorageDealsParams.CODEC, message.params()));
    }

    /** Lotus' {@code cborutil.Dump(dealID)}: the bare CBOR unsigned integer, 1000 = 19 03e8. */
    @Test
    void marketDealNotificationPayloadIsTheBareDealId() {
        assertArrayEquals(HEX.parseHex("1903e8"), MarketDealNotification.payload(1000));
        assertArrayEquals(HEX.parseHex("00"), MarketDealNotification.payload(0));
        assertEquals(1000, MarketDealNotification.dealId(HEX.parseHex("1903e8")));
        DataActivationNotification notification = MarketDealNotification.forDeal(7);
        assertEquals(Actors.MARKET, notification.address());
        assertArrayEquals(HEX.parseHex("07"), notification.payload());
        assertTrue(MarketDealNotification.isMarket(notification));
        assertThrows(CborDecodeException.class, () -> MarketDealNotification.dealId(HEX.parseHex("8107")));
        assertThrows(CborDecodeException.class, () -> MarketDealNotification.dealId(HEX.parseHex("1803")), "not minimal");
        assertThrows(CborDecodeException.class, () -> MarketDealNotification.dealId(HEX.parseHex("20")), "negative");
    }

    @Test
    void wellKnownActorsAndMethodNumbers() {
        assertEquals("f00 f01 f02 f03 f04 f05 f06 f07 f099", String.join(" ", List.of(Actors.SYSTEM, Actors.INIT,
                Actors.REWARD, Actors.CRON, Actors.POWER, Actors.MARKET, Actors.VERIFIED_REGISTRY, Actors.DATACAP,
                Actors.BURNT_FUNDS).stream().map(Address::toString).toList()));
        assertEquals(List.of(2L, 3L, 4L), List.of(MarketMethod.ADD_BALANCE, MarketMethod.WITHDRAW_BALANCE,
                MarketMethod.PUBLISH_STORAGE_DEALS));
    }

    private static byte[] clientProposalBytes() {
        String hex = MARKET.get("publishStorageDealsFevm").get("hex").asText();
        return HEX.parseHex(hex.substring("8181".length()));
    }
}
