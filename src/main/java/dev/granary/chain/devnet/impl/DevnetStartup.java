package dev.granary.chain.devnet.impl;

import dev.granary.chain.devnet.DevnetChain;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.Wallet;
import dev.granary.p2p.identity.IdentityFile;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Brings a devnet up: continues the one in the store, or makes a genesis with fresh owner and worker keys in the
 * repo wallet and the node's libp2p identity ({@code keys/libp2p.key}, created when missing unless the node runs
 * without libp2p) as the miner's peer ID. Blocking file I/O: runs on the devnet's worker context.
 */
final class DevnetStartup {
    private static final Logger log = LoggerFactory.getLogger(DevnetStartup.class);

    record Started(DevnetState state, Wallet wallet) {
    }

    private final DevnetConfig config;
    private final DevnetRepository repository;
    private final Path repoRoot;
    private final boolean createIdentity;

    DevnetStartup(DevnetConfig config, DevnetRepository repository, Path repoRoot, boolean createIdentity) {
        this.config = config;
        this.repoRoot = repoRoot;
        this.repository = repository;
        this.createIdentity = createIdentity;
    }

    Future<Started> loadOrCreate() {
        Wallet wallet;
        Optional<byte[]> peerId;
        try {
            wallet = Wallet.inRepo(repoRoot);
            peerId = createIdentity || Files.exists(IdentityFile.path(repoRoot))
                    ? Optional.of(IdentityFile.loadOrCreate(repoRoot).peerId().bytes())
                    : Optional.empty();
        } catch (IOException e) {
            return Future.failedFuture(new UncheckedIOException("devnet: cannot open the wallet in " + repoRoot, e));
        }
        return repository.load().compose(stored -> stored.isPresent()
                ? resume(stored.get(), wallet, peerId)
                : create(wallet, peerId));
    }

    /** The chain keeps the seed and sector size it was created with, whatever the configuration says now. */
    DevnetConfig effectiveConfig(DevnetState state) {
        return config.withSeed(state.genesis.seed()).withSectorSize(state.genesis.sectorSize());
    }

    /** Without an identity (a node with no libp2p host) the miner registers no peer ID, as lotus allows. */
    private Future<Started> create(Wallet wallet, Optional<byte[]> peerId) {
        Address owner;
        Address worker;
        try {
            owner = wallet.newAddress(KeyType.SECP256K1);
            worker = wallet.newAddress(KeyType.SECP256K1);
        } catch (IOException e) {
            return Future.failedFuture(new UncheckedIOException("devnet: cannot create the miner's keys", e));
        }
        DevnetState state = Genesis.create(config, owner, worker, peerId.orElse(new byte[0]),
                System.currentTimeMillis() / 1000);
        log.info("devnet: new chain (seed \"{}\"); miner owner key {}, worker key {} in {}", config.seed(),
                owner.format(DevnetChain.NETWORK), worker.format(DevnetChain.NETWORK), repoRoot.resolve("keys"));
        return repository.write(ChangeSet.of(state, state.journal.drain(), true)).map(v -> new Started(state, wallet));
    }

    private Future<Started> resume(StoredChain stored, Wallet wallet, Optional<byte[]> peerId) {
        DevnetState state = new DevnetState(stored.genesis());
        state.load(stored);
        if (!stored.genesis().seed().equals(config.seed()) || stored.genesis().sectorSize() != config.sectorSize()) {
            log.warn("devnet: the stored chain was created with seed \"{}\" and {}-byte sectors; it keeps them "
                            + "(chain.devnet.seed and chain.devnet.sector-size apply to a new chain only)",
                    stored.genesis().seed(), stored.genesis().sectorSize());
        }
        Accounts accounts = new Accounts(state);
        for (Address id : new Address[]{state.miner().owner(), state.miner().worker()}) {
            accounts.keyAddress(id).filter(key -> !wallet.has(key)).ifPresent(key -> log.warn(
                    "devnet: the miner's key {} is not in {}; messages from it cannot be sent", key, repoRoot.resolve("keys")));
        }
        if (peerId.isPresent() && !Arrays.equals(state.miner().peerId(), peerId.get())) {
            // What ChangePeerID would do: the miner advertises the identity this node actually has.
            state.setMiner(state.miner().withPeerId(peerId.get()));
            log.info("devnet: the node's libp2p identity changed; the miner's peer ID follows it");
            return repository.write(ChangeSet.of(state, state.journal.drain(), false)).map(v -> new Started(state, wallet));
        }
        return Future.succeededFuture(new Started(state, wallet));
    }
}
