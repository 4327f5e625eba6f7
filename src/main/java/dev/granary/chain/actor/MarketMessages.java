package dev.granary.chain.actor;

import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.ipld.cbor.Cbor;

import java.util.List;

/** Messages to the storage market actor (f05), ready for {@code ChainApi.pushMessage}. */
public final class MarketMessages {
    private MarketMessages() {
    }

    /** Deposits {@code amount} (the message value) into {@code forAddress}'s escrow; anyone may pay for anyone. */
    public static MessageRequest addBalance(Address from, Address forAddress, TokenAmount amount, TokenAmount maxFee) {
        return new MessageRequest(from, Actors.MARKET, amount, MarketMethod.ADD_BALANCE,
                Cbor.encode(AddBalanceParams.CODEC, new AddBalanceParams(forAddress)), maxFee);
    }

    /** Withdraws up to {@code amount} of available escrow; {@code from} must control {@code providerOrClient}. */
    public static MessageRequest withdrawBalance(Address from, Address providerOrClient, TokenAmount amount,
                                                 TokenAmount maxFee) {
        return new MessageRequest(from, Actors.MARKET, TokenAmount.ZERO, MarketMethod.WITHDRAW_BALANCE,
                Cbor.encode(WithdrawBalanceParams.CODEC, new WithdrawBalanceParams(providerOrClient, amount)), maxFee);
    }

    /** Publishes signed deals; {@code from} is the provider's worker or a control address. */
    public static MessageRequest publishStorageDeals(Address from, List<ClientDealProposal> deals, TokenAmount maxFee) {
        return new MessageRequest(from, Actors.MARKET, TokenAmount.ZERO, MarketMethod.PUBLISH_STORAGE_DEALS,
                Cbor.encode(PublishStorageDealsParams.CODEC, new PublishStorageDealsParams(deals)), maxFee);
    }
}
