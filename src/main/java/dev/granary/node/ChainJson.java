package dev.granary.node;

import dev.granary.chain.ChainHead;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.devnet.AccountFunds;
import dev.granary.chain.devnet.DevnetChain;
import dev.granary.chain.devnet.DevnetMiner;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON shapes of the chain and devnet RPC methods, which {@code granary chain} and {@code granary devnet} print
 * with {@code --json}: stable lower-camel field names, amounts as attoFIL decimal strings (big integers, as lotus
 * writes them), addresses with the devnet's t prefix.
 */
final class ChainJson {
    private ChainJson() {
    }

    static JsonObject head(ChainHead head) {
        return new JsonObject().put("epoch", head.epoch())
                .put("tipset", new JsonArray(head.key().cids().stream().map(Cid::toString).toList()))
                .put("timestamp", head.timestamp());
    }

    static JsonObject funds(AccountFunds funds) {
        return new JsonObject().put("id", address(funds.idAddress()))
                .put("balance", atto(funds.balance()))
                .put("escrow", atto(funds.escrow().escrow()))
                .put("locked", atto(funds.escrow().locked()));
    }

    static JsonObject miner(DevnetMiner miner) {
        return new JsonObject().put("miner", address(miner.miner()))
                .put("owner", address(miner.owner())).put("ownerKey", address(miner.ownerKey()))
                .put("worker", address(miner.worker())).put("workerKey", address(miner.workerKey()))
                .put("peerId", miner.peerIdText()).put("sectorSize", miner.sectorSize())
                .put("balance", atto(miner.balance())).put("locked", atto(miner.locked()));
    }

    static JsonObject balance(MarketBalance balance) {
        return new JsonObject().put("escrow", atto(balance.escrow())).put("locked", atto(balance.locked()));
    }

    static String address(Address address) {
        return address.format(DevnetChain.NETWORK);
    }

    static String atto(TokenAmount amount) {
        return amount.attoFil().toString();
    }
}
