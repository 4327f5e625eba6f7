package dev.granary.chain.devnet;

import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainException;
import dev.granary.chain.ChainHead;
import dev.granary.chain.CollateralBounds;
import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.MinerInfo;
import dev.granary.chain.NetworkParameters;
import dev.granary.chain.SectorLocation;
import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.devnet.impl.DevnetQueries;
import dev.granary.chain.devnet.impl.DevnetVerticle;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.Network;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.Message;
import dev.granary.ipld.Cid;
import dev.granary.store.Store;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The embedded devnet behind the {@link ChainApi} port: an in-process simulated chain with a market actor and one
 * miner actor (f01000) that follow the real actors' rules closely enough that the deal and sealing code cannot tell
 * the difference. Its state lives on one worker verticle ({@link DevnetVerticle}); every call here hops onto that
 * context and completes on the caller's. State is written through to the store once per epoch, so a node restarted on
 * the same repo and store continues its chain.
 *
 * <p>Beyond the port it has the operator and test controls: {@link #advance} (the only clock when the block time is
 * 0), the faucet ({@link #fund}, {@link #addEscrow}), {@link #miner}, {@link #messageReport} and {@link #faults}.
 *
 * <p>New heads are published as {@link dev.granary.chain.ChainEvent}s with local delivery; the records' event-bus
 * codec must be registered on the Vert.x instance first ({@code MessageCodecs.registerOnce}).
 */
public final class DevnetChain implements ChainApi {
    /** Devnet addresses are shown with the testnet letter, as lotus devnets do: t01000. */
    public static final Network NETWORK = Network.TESTNET;
    public static final String NETWORK_NAME = "granary-devnet";

    private final Vertx vertx;
    private final DevnetConfig config;
    private final DevnetVerticle verticle;
    private final AtomicReference<Future<Void>> starting = new AtomicReference<>();
    private volatile boolean running;
    private volatile String deploymentId;

    private DevnetChain(Vertx vertx, Store store, Path repoRoot, DevnetConfig config, boolean createIdentity) {
        this.vertx = vertx;
        this.config = config;
        this.verticle = new DevnetVerticle(config, store, repoRoot, createIdentity);
    }

    /**
     * A devnet on {@code store} (its chain, if it has one, is continued) whose miner keys live in
     * {@code repoRoot}/keys and whose peer ID is the repo's libp2p identity ({@code keys/libp2p.key}, created when
     * missing). Nothing runs until {@link #start()}.
     */
    public static DevnetChain create(Vertx vertx, Store store, Path repoRoot, DevnetConfig config) {
        return new DevnetChain(vertx, store, repoRoot, config, true);
    }

    /**
     * As {@link #create(Vertx, Store, Path, DevnetConfig)} for a node without a libp2p host: the repo's identity is
     * used if it exists but not created, and without one the miner registers no peer ID.
     */
    public static DevnetChain createWithoutNewIdentity(Vertx vertx, Store store, Path repoRoot, DevnetConfig config) {
        return new DevnetChain(vertx, store, repoRoot, config, false);
    }

    public DevnetConfig config() {
        return config;
    }

    @Override
    public Future<Void> start() {
        Promise<Void> started = Promise.promise();
        if (!starting.compareAndSet(null, started.future())) {
            return starting.get();
        }
        vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .<Void>map(id -> {
                    deploymentId = id;
                    running = true;
                    return null;
                })
                .onComplete(started);
        return started.future();
    }

    @Override
    public Future<Void> close() {
        String id = deploymentId;
        if (id == null) {
            return Future.succeededFuture();
        }
        running = false;
        deploymentId = null;
        return vertx.undeploy(id);
    }

    // ---- the port ----

    @Override
    public Future<ChainHead> head() {
        return call(v -> Future.succeededFuture(v.head()));
    }

    /**
     * The devnet's {@link DevnetPolicy}; {@code blockDelaySeconds} is the block time rounded up to whole seconds, 0 for
     * a manual clock, and {@code sectorSizes} are all the sizes a devnet can be created with.
     */
    @Override
    public Future<NetworkParameters> networkParameters() {
        DevnetPolicy policy = config.policy();
        long blockSeconds = config.manualClock() ? 0 : Math.max(1, (config.blockTime().toMillis() + 999) / 1000);
        return call(v -> Future.succeededFuture(new NetworkParameters(NETWORK_NAME, blockSeconds,
                policy.preCommitChallengeDelay(), policy.minDealDuration(), policy.maxDealDuration(),
                policy.maxSectorExpirationExtension(), policy.maxProveCommitDuration(), SealProofs.SECTOR_SIZES)));
    }

    @Override
    public Future<Address> accountKey(Address address) {
        return query(q -> q.accountKey(address));
    }

    @Override
    public Future<Optional<Address>> lookupId(Address address) {
        return query(q -> q.lookupId(address));
    }

    @Override
    public Future<TokenAmount> walletBalance(Address address) {
        return query(q -> q.walletBalance(address));
    }

    @Override
    public Future<MarketBalance> marketBalance(Address address) {
        return query(q -> q.marketBalance(address));
    }

    /** The devnet's bounds, the same at every head: see {@link DevnetEconomics#providerCollateralBounds}. */
    @Override
    public Future<CollateralBounds> dealProviderCollateralBounds(long paddedPieceSize, boolean verified) {
        if (paddedPieceSize < 128 || Long.bitCount(paddedPieceSize) != 1) {
            return Future.failedFuture(new ChainException(ChainException.Kind.REJECTED,
                    "piece size " + paddedPieceSize + " is not a padded piece size (a power of two of at least 128)"));
        }
        return Future.succeededFuture(DevnetEconomics.providerCollateralBounds(paddedPieceSize));
    }

    /** The devnet has no verified registry: nobody has datacap. */
    @Override
    public Future<Optional<BigInteger>> verifiedClientDataCap(Address address) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<MinerInfo> minerInfo(Address miner) {
        return query(q -> q.minerInfo(miner));
    }

    @Override
    public Future<Cid> pushMessage(MessageRequest message) {
        return call(v -> v.push(message));
    }

    @Override
    public Future<MessageLookup> waitMessage(Cid message, int confidence) {
        return call(v -> v.waitMessage(message, confidence));
    }

    @Override
    public Future<Optional<MessageLookup>> searchMessage(Cid message) {
        return query(q -> q.searchMessage(message));
    }

    @Override
    public Future<Optional<MarketDeal>> marketDeal(long dealId) {
        return query(q -> q.marketDeal(dealId));
    }

    @Override
    public Future<Optional<SectorPreCommitOnChainInfo>> sectorPreCommitInfo(Address miner, long sectorNumber) {
        return query(q -> q.sectorPreCommitInfo(miner, sectorNumber));
    }

    @Override
    public Future<Optional<SectorOnChainInfo>> sectorInfo(Address miner, long sectorNumber) {
        return query(q -> q.sectorInfo(miner, sectorNumber));
    }

    @Override
    public Future<Optional<SectorLocation>> sectorLocation(Address miner, long sectorNumber) {
        return query(q -> q.sectorLocation(miner, sectorNumber));
    }

    @Override
    public Future<byte[]> ticketRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
        byte[] copy = entropy.clone();
        return randomnessAt(epoch, random -> random.ticket(tag, epoch, copy));
    }

    @Override
    public Future<byte[]> beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
        byte[] copy = entropy.clone();
        return randomnessAt(epoch, random -> random.beacon(tag, epoch, copy));
    }

    /** Randomness exists for epochs up to the head; drawing it is hashing, so it runs on the devnet's worker. */
    private Future<byte[]> randomnessAt(long epoch, Function<DevnetRandomness, byte[]> draw) {
        if (epoch < 0) {
            return Future.failedFuture(new ChainException(ChainException.Kind.REJECTED, "epoch " + epoch + " is negative"));
        }
        return call(v -> epoch > v.head().epoch()
                ? Future.failedFuture(new ChainException(ChainException.Kind.REJECTED, "cannot draw randomness from epoch "
                + epoch + ", after the head " + v.head().epoch()))
                : Future.succeededFuture(draw.apply(v.randomness())));
    }

    // ---- devnet controls ----

    /** Produces {@code epochs} epochs now, one after another; completes with the new head once they are stored. */
    public Future<ChainHead> advance(int epochs) {
        return call(v -> v.advance(epochs));
    }

    /** The faucet: sends {@code amount} from the reserve to {@code address}, creating its account if needed. */
    public Future<AccountFunds> fund(Address address, TokenAmount amount) {
        return call(v -> v.fund(address, amount));
    }

    /** Faucet-funded market escrow for any address: the reserve pays {@code amount} into its escrow. */
    public Future<AccountFunds> addEscrow(Address address, TokenAmount amount) {
        return call(v -> v.addEscrow(address, amount));
    }

    public Future<DevnetMiner> miner() {
        return query(DevnetQueries::devnetMiner);
    }

    /** An executed message's lookup and the notes execution left (skipped deals, failure reasons). */
    public Future<Optional<MessageReport>> messageReport(Cid message) {
        return call(v -> v.report(message));
    }

    public Future<DevnetAudit> audit() {
        return call(v -> Future.succeededFuture(v.audit()));
    }

    public DevnetFaults faults() {
        return new DevnetFaults() {
            @Override
            public Future<Void> rejectPushes(Predicate<MessageRequest> match, int count, String reason) {
                return call(v -> v.rejectPushes(match, count, reason));
            }

            @Override
            public Future<Void> outOfGas(Predicate<Message> match) {
                return call(v -> v.outOfGas(match));
            }

            @Override
            public Future<Void> reorg(int epochs) {
                return call(v -> v.reorg(epochs));
            }
        };
    }

    // ---- context hopping ----

    private <T> Future<T> query(Function<DevnetQueries, T> read) {
        return call(v -> Future.succeededFuture(read.apply(v.queries())));
    }

    /** Runs {@code operation} on the devnet's context and completes the result on the caller's context. */
    private <T> Future<T> call(Function<DevnetVerticle, Future<T>> operation) {
        if (!running) {
            return Future.failedFuture(new ChainException(ChainException.Kind.UNREACHABLE, "the devnet is not running"));
        }
        Context caller = vertx.getOrCreateContext();
        Promise<T> result = Promise.promise();
        Context devnet = verticle.context();
        devnet.runOnContext(ignored -> {
            Future<T> outcome;
            try {
                outcome = operation.apply(verticle);
            } catch (RuntimeException e) {
                outcome = Future.failedFuture(e);
            }
            outcome.onComplete(done -> caller.runOnContext(back -> result.handle(done)));
        });
        return result.future();
    }
}
