package dev.granary.node;

import dev.granary.chain.ChainApi;
import dev.granary.chain.devnet.DevnetChain;
import dev.granary.chain.lotus.LotusChain;
import dev.granary.chain.lotus.LotusConfig;
import dev.granary.node.config.ChainConfig;
import dev.granary.node.config.ConfigException;
import dev.granary.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.List;

/**
 * The one place that picks the chain adapter: the embedded devnet when chain.url is empty, a Lotus-compatible node
 * otherwise. Returns the adapter started, so it publishes heads from the moment the node is up.
 */
final class NodeChain {
    private NodeChain() {
    }

    /** @param libp2p whether the node runs a libp2p host, whose identity the devnet miner advertises */
    static Future<ChainApi> start(Vertx vertx, ChainConfig config, Store store, Path repoRoot, boolean libp2p) {
        if (!config.devnetMode()) {
            return startLotus(vertx, config);
        }
        DevnetChain devnet = libp2p ? DevnetChain.create(vertx, store, repoRoot, config.devnet())
                : DevnetChain.createWithoutNewIdentity(vertx, store, repoRoot, config.devnet());
        return devnet.start().<ChainApi>map(started -> devnet)
                .recover(failure -> devnet.close().transform(closed -> Future.failedFuture(failure)));
    }

    /** Follows the node's heads from the start, so an unreachable node or a refused token stops startup at once. */
    private static Future<ChainApi> startLotus(Vertx vertx, ChainConfig config) {
        LotusConfig lotusConfig;
        try {
            lotusConfig = LotusConfig.of(config.url(), config.token());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ConfigException(List.of("chain.url: " + e.getMessage())));
        }
        LotusChain lotus = new LotusChain(vertx, lotusConfig);
        return lotus.start().<ChainApi>map(started -> lotus)
                .recover(failure -> lotus.close().transform(closed -> Future.failedFuture(failure)));
    }

    /** How the ready line names the chain: {@code chain=devnet miner=t01000 epoch=12}. */
    static Future<String> describe(ChainApi chain) {
        if (chain instanceof DevnetChain devnet) {
            return devnet.miner().compose(miner -> devnet.head().map(head -> "chain=devnet miner="
                    + miner.miner().format(DevnetChain.NETWORK) + " epoch=" + head.epoch()));
        }
        return chain.head().map(head -> "chain=lotus epoch=" + head.epoch());
    }
}
