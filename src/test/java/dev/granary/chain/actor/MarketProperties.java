package dev.granary.chain.actor;

import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Market params and returns: decode(encode(x)) == x, and {@value CodecFuzz#CASES} hostile inputs per decoder
 * (see {@link CodecFuzz}).
 */
class MarketProperties {
    private static final int TRIES = 300;
    private static final List<byte[]> ADD_BALANCE = CodecFuzz.pool(MarketArbitraries.addBalance(), AddBalanceParams.CODEC);
    private static final List<byte[]> WITHDRAW = CodecFuzz.pool(MarketArbitraries.withdrawBalance(), WithdrawBalanceParams.CODEC);
    private static final List<byte[]> WITHDRAW_RETURN = CodecFuzz.pool(MarketArbitraries.withdrawBalanceReturn(),
            WithdrawBalanceReturn.CODEC);
    private static final List<byte[]> PUBLISH = CodecFuzz.pool(MarketArbitraries.publishStorageDeals(),
            PublishStorageDealsParams.CODEC);
    private static final List<byte[]> PUBLISH_RETURN = CodecFuzz.pool(MarketArbitraries.publishStorageDealsReturn(),
            PublishStorageDealsReturn.CODEC);
    private static final List<byte[]> DEAL_ID = CodecFuzz.pool(MarketArbitraries.dealIds(), MarketDealNotification.DEAL_ID);

    @Provide
    Arbitrary<AddBalanceParams> addBalance() {
        return MarketArbitraries.addBalance();
    }

    @Provide
    Arbitrary<WithdrawBalanceParams> withdrawBalance() {
        return MarketArbitraries.withdrawBalance();
    }

    @Provide
    Arbitrary<WithdrawBalanceReturn> withdrawBalanceReturn() {
        return MarketArbitraries.withdrawBalanceReturn();
    }

    @Provide
    Arbitrary<PublishStorageDealsParams> publishStorageDeals() {
        return MarketArbitraries.publishStorageDeals();
    }

    @Provide
    Arbitrary<PublishStorageDealsReturn> publishStorageDealsReturn() {
        return MarketArbitraries.publishStorageDealsReturn();
    }

    @Property(tries = TRIES)
    void addBalanceRoundTrips(@ForAll("addBalance") AddBalanceParams params) {
        roundTrip(AddBalanceParams.CODEC, params);
    }

    @Property(tries = TRIES)
    void withdrawBalanceRoundTrips(@ForAll("withdrawBalance") WithdrawBalanceParams params) {
        roundTrip(WithdrawBalanceParams.CODEC, params);
    }

    @Property(tries = TRIES)
    void withdrawBalanceReturnRoundTrips(@ForAll("withdrawBalanceReturn") WithdrawBalanceReturn result) {
        roundTrip(WithdrawBalanceReturn.CODEC, result);
    }

    @Property(tries = TRIES)
    void publishStorageDealsRoundTrips(@ForAll("publishStorageDeals") PublishStorageDealsParams params) {
        roundTrip(PublishStorageDealsParams.CODEC, params);
    }

    @Property(tries = TRIES)
    void publishStorageDealsReturnRoundTripsAndMapsEveryPosition(
            @ForAll("publishStorageDealsReturn") PublishStorageDealsReturn result) {
        roundTrip(PublishStorageDealsReturn.CODEC, result);
        int nextId = 0;
        for (int position = 0; position < 42; position++) {
            Optional<Long> expected = result.validDeals().contains(position) ? Optional.of(result.ids().get(nextId++))
                    : Optional.empty();
            assertEquals(expected, result.dealIdAt(position), "position " + position);
        }
    }

    @Property(tries = TRIES)
    void dealNotificationPayloadRoundTrips(@ForAll long dealId) {
        assertEquals(dealId, MarketDealNotification.dealId(MarketDealNotification.payload(dealId)));
    }

    @Property(tries = CodecFuzz.TRIES)
    void addBalanceHostile(@ForAll long seed) throws Throwable {
        CodecFuzz.run(AddBalanceParams.CODEC, ADD_BALANCE, seed);
    }

    @Property(tries = CodecFuzz.TRIES)
    void withdrawBalanceHostile(@ForAll long seed) throws Throwable {
        CodecFuzz.run(WithdrawBalanceParams.CODEC, WITHDRAW, seed);
    }

    @Property(tries = CodecFuzz.TRIES)
    void withdrawBalanceReturnHostile(@ForAll long seed) throws Throwable {
        CodecFuzz.run(WithdrawBalanceReturn.CODEC, WITHDRAW_RETURN, seed);
    }

    @Property(tries = CodecFuzz.TRIES)
    void publishStorageDealsHostile(@ForAll long seed) throws Throwable {
        CodecFuzz.run(PublishStorageDealsParams.CODEC, PUBLISH, seed);
    }

    @Property(tries = CodecFuzz.TRIES)
    void publishStorageDealsReturnHostile(@ForAll long seed) throws Throwable {
        CodecFuzz.run(PublishStorageDealsReturn.CODEC, PUBLISH_RETURN, seed);
    }

    @Property(tries = CodecFuzz.TRIES)
    void dealNotificationHostile(@ForAll long seed) throws Throwable {
        CodecFuzz.run(MarketDealNotification.DEAL_ID, DEAL_ID, seed);
    }

    static <T> void roundTrip(CborCodec<T> codec, T value) {
        byte[] bytes = Cbor.encode(codec, value);
        T decoded = Cbor.decode(codec, bytes);
        assertEquals(value, decoded);
        assertArrayEquals(bytes, Cbor.encode(codec, decoded));
    }
}
