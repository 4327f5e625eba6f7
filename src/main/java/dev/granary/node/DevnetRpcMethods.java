package dev.granary.node;

import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcCall;
import dev.granary.api.rpc.RpcException;
import dev.granary.api.rpc.RpcMethod;
import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainException;
import dev.granary.chain.devnet.AccountFunds;
import dev.granary.chain.devnet.DevnetChain;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The devnet's operator and test controls over JSON-RPC: the faucet, escrow top-ups, the miner's identity and the
 * manual clock. On a node that follows a real chain they fail, saying so, instead of pretending.
 */
final class DevnetRpcMethods {
    /** Application error, as lotus uses for failures that are not JSON-RPC protocol errors. */
    static final int CHAIN_ERROR = 1;
    /** Far more than any test or script needs, and few enough that one call cannot tie up the devnet for long. */
    static final int MAX_ADVANCE = 100_000;

    private final Optional<DevnetChain> devnet;

    DevnetRpcMethods(ChainApi chain) {
        this.devnet = chain instanceof DevnetChain d ? Optional.of(d) : Optional.empty();
    }

    List<RpcMethod> all() {
        return List.of(
                new RpcMethod("Granary.DevnetAdvance", Permission.ADMIN, this::advance),
                new RpcMethod("Granary.DevnetFund", Permission.ADMIN, (params, call) -> faucet(params, DevnetChain::fund)),
                new RpcMethod("Granary.DevnetAddEscrow", Permission.ADMIN,
                        (params, call) -> faucet(params, DevnetChain::addEscrow)),
                new RpcMethod("Granary.DevnetMiner", Permission.READ, this::miner));
    }

    /** params: [epochs]; produces that many epochs now and returns the new head like Granary.ChainHead. */
    private Future<JsonObject> advance(JsonArray params, RpcCall call) {
        if (params == null || params.size() != 1 || !(params.getValue(0) instanceof Number n)
                || n.longValue() < 1 || n.longValue() > MAX_ADVANCE || n.doubleValue() != n.longValue()) {
            return Future.failedFuture(RpcException.invalidParams("expected one parameter: a whole number of epochs from 1 to "
                    + MAX_ADVANCE));
        }
        return requireDevnet().compose(d -> d.advance(n.intValue())).map(ChainJson::head).recover(DevnetRpcMethods::chainError);
    }

    @FunctionalInterface
    private interface FaucetPayment {
        Future<AccountFunds> pay(DevnetChain devnet, Address address, TokenAmount amount);
    }

    /**
     * params: [address, amount]; amount like "10 FIL", "0.5" (FIL) or "500 attoFIL". Returns the account's ID address,
     * balance and escrow.
     */
    private Future<JsonObject> faucet(JsonArray params, FaucetPayment payment) {
        if (params == null || params.size() != 2 || !(params.getValue(0) instanceof String addressText)
                || !(params.getValue(1) instanceof String amountText)) {
            return Future.failedFuture(RpcException.invalidParams("expected two string parameters: address, amount"));
        }
        Address address;
        TokenAmount amount;
        try {
            address = Address.parse(addressText);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(RpcException.invalidParams("bad address " + addressText + ": " + e.getMessage()));
        }
        try {
            amount = TokenAmount.parse(amountText);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(RpcException.invalidParams("bad amount " + amountText + ": " + e.getMessage()));
        }
        return requireDevnet().compose(d -> payment.pay(d, address, amount)).map(ChainJson::funds)
                .recover(DevnetRpcMethods::chainError);
    }

    private Future<JsonObject> miner(JsonArray params, RpcCall call) {
        return requireDevnet().compose(DevnetChain::miner).map(ChainJson::miner).recover(DevnetRpcMethods::chainError);
    }

    private Future<DevnetChain> requireDevnet() {
        return devnet.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(new RpcException(CHAIN_ERROR,
                "this node follows the chain at chain.url, not the embedded devnet; devnet commands need a devnet node")));
    }

    private static <T> Future<T> chainError(Throwable failure) {
        return Future.failedFuture(failure instanceof RpcException ? failure
                : new RpcException(CHAIN_ERROR, failure instanceof ChainException ? failure.getMessage()
                : "devnet: " + failure.getMessage()));
    }
}
