package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** decode(encode(x)) == x for every market type, and writing the decoded value gives the same bytes again. */
class MarketRoundTripProperties {
    private static final int TRIES = 1000;

    @Property(tries = TRIES)
    void dealLabel(@ForAll("labels") DealLabel label) {
        roundTrip(DealLabel.CODEC, label);
    }

    @Property(tries = TRIES)
    void dealProposal(@ForAll("proposals") DealProposal proposal) {
        roundTrip(DealProposal.CODEC, proposal);
    }

    @Property(tries = TRIES)
    void clientDealProposal(@ForAll("clientProposals") ClientDealProposal proposal) {
        roundTrip(ClientDealProposal.CODEC, proposal);
    }

    @Property(tries = TRIES)
    void transfer(@ForAll("transfers") Transfer transfer) {
        roundTrip(Transfer.CODEC, transfer);
    }

    @Property(tries = TRIES)
    void httpTransferParams(@ForAll("httpParams") HttpTransferParams params) {
        assertEquals(params, HttpTransferParams.parse(params.toJson()));
    }

    @Property(tries = TRIES)
    void dealParams(@ForAll("dealParams") DealParams params) {
        roundTrip(DealParams.CODEC, params);
        assertEquals(params.toV120(), Cbor.decode(DealParamsV120.CODEC, Cbor.encode(DealParams.CODEC, params)),
                "a 1.2.0 reader skips the 1.2.1 keys");
    }

    @Property(tries = TRIES)
    void dealParamsV120(@ForAll("dealParamsV120") DealParamsV120 params) {
        roundTrip(DealParamsV120.CODEC, params);
        assertEquals(params.toV121(), Cbor.decode(DealParams.CODEC, Cbor.encode(DealParamsV120.CODEC, params)),
                "a 1.2.1 reader defaults the missing flags to false");
    }

    @Property(tries = TRIES)
    void dealResponse(@ForAll("dealResponses") DealResponse response) {
        roundTrip(DealResponse.CODEC, response);
    }

    @Property(tries = TRIES)
    void dealStatusRequest(@ForAll("statusRequests") DealStatusRequest request) {
        roundTrip(DealStatusRequest.CODEC, request);
    }

    @Property(tries = TRIES)
    void dealStatus(@ForAll("dealStatuses") DealStatus status) {
        roundTrip(DealStatus.CODEC, status);
    }

    @Property(tries = TRIES)
    void dealStatusResponse(@ForAll("statusResponses") DealStatusResponse response) {
        roundTrip(DealStatusResponse.CODEC, response);
    }

    @Property(tries = TRIES)
    void storageAsk(@ForAll("storageAsks") StorageAsk ask) {
        roundTrip(StorageAsk.CODEC, ask);
    }

    @Property(tries = TRIES)
    void signedStorageAsk(@ForAll("signedAsks") SignedStorageAsk ask) {
        roundTrip(SignedStorageAsk.CODEC, ask);
    }

    @Property(tries = TRIES)
    void askRequest(@ForAll("askRequests") AskRequest request) {
        roundTrip(AskRequest.CODEC, request);
    }

    @Property(tries = TRIES)
    void askResponse(@ForAll("askResponses") AskResponse response) {
        roundTrip(AskResponse.CODEC, response);
    }

    private static <T> void roundTrip(CborCodec<T> codec, T value) {
        byte[] bytes = Cbor.encode(codec, value);
        T back = Cbor.decode(codec, bytes);
        assertEquals(value, back);
        assertArrayEquals(bytes, Cbor.encode(codec, back));
    }

    @Provide
    Arbitrary<DealLabel> labels() {
        return MarketArbitraries.labels();
    }

    @Provide
    Arbitrary<DealProposal> proposals() {
        return MarketArbitraries.proposals();
    }

    @Provide
    Arbitrary<ClientDealProposal> clientProposals() {
        return MarketArbitraries.clientProposals();
    }

    @Provide
    Arbitrary<Transfer> transfers() {
        return MarketArbitraries.transfers();
    }

    @Provide
    Arbitrary<HttpTransferParams> httpParams() {
        return MarketArbitraries.httpParams();
    }

    @Provide
    Arbitrary<DealParams> dealParams() {
        return MarketArbitraries.dealParams();
    }

    @Provide
    Arbitrary<DealParamsV120> dealParamsV120() {
        return MarketArbitraries.dealParamsV120();
    }

    @Provide
    Arbitrary<DealResponse> dealResponses() {
        return MarketArbitraries.dealResponses();
    }

    @Provide
    Arbitrary<DealStatusRequest> statusRequests() {
        return MarketArbitraries.statusRequests();
    }

    @Provide
    Arbitrary<DealStatus> dealStatuses() {
        return MarketArbitraries.dealStatuses();
    }

    @Provide
    Arbitrary<DealStatusResponse> statusResponses() {
        return MarketArbitraries.statusResponses();
    }

    @Provide
    Arbitrary<StorageAsk> storageAsks() {
        return MarketArbitraries.storageAsks();
    }

    @Provide
    Arbitrary<SignedStorageAsk> signedAsks() {
        return MarketArbitraries.signedAsks();
    }

    @Provide
    Arbitrary<AskRequest> askRequests() {
        return MarketArbitraries.askRequests();
    }

    @Provide
    Arbitrary<AskResponse> askResponses() {
        return MarketArbitraries.askResponses();
    }
}
