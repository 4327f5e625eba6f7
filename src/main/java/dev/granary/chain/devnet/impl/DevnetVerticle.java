package dev.granary.chain.devnet.impl;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainException;
import dev.granary.chain.ChainHead;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.devnet.AccountFunds;
import dev.granary.chain.devnet.DevnetAudit;
import dev.granary.chain.devnet.DevnetChain;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.chain.devnet.DevnetRandomness;
import dev.granary.chain.devnet.MessageReport;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.Message;
import dev.granary.ipld.Cid;
import dev.granary.store.Store;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Owns the devnet: its state, clock and store writes, all on this verticle's context. It is a worker verticle, so the
 * CPU work of executing messages (signature checks, proof hashing) and the wallet's file I/O run off the event
 * loops while state stays single-threaded. Every change goes through one queue and is stored before the next starts;
 * a change whose store write fails is rolled back in memory. {@link dev.granary.chain.devnet.DevnetChain} calls in
 * from other contexts.
 */
public final class DevnetVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(DevnetVerticle.class);
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private record Waiter(Cid cid, int confidence, Promise<MessageLookup> promise) {
    }

    private final DevnetConfig config;
    private final DevnetRepository repository;
    private final DevnetStartup startup;
    private final SerialQueue serial = new SerialQueue();
    private final List<Waiter> waiters = new ArrayList<>();
    private DevnetRuntime runtime;
    private DevnetState state;
    private DevnetQueries queries;
    private PushHandler pushes;
    private RecentEpochs recent;
    private ChainHead head;
    private long highestGeneration;
    private long timer = -1;

    /** @param createIdentity whether to create the repo's libp2p key when it is missing (the miner's peer ID) */
    public DevnetVerticle(DevnetConfig config, Store store, Path repoRoot, boolean createIdentity) {
        this.config = config;
        this.repository = new DevnetRepository(store);
        this.startup = new DevnetStartup(config, repository, repoRoot, createIdentity);
    }

    @Override
    public Future<?> start() {
        return startup.loadOrCreate().map(started -> {
            state = started.state();
            runtime = new DevnetRuntime(state, startup.effectiveConfig(state));
            queries = new DevnetQueries(runtime);
            pushes = new PushHandler(runtime, started.wallet(), repository);
            recent = new RecentEpochs(config.policy().maxReorgDepth());
            highestGeneration = Math.max(state.counters().generation(),
                    state.forks.values().stream().mapToLong(Long::longValue).max().orElse(0));
            head = headNow();
            if (!config.manualClock()) {
                timer = vertx.setPeriodic(config.blockTime().toMillis(), id -> tick());
            }
            log.info("devnet: chain at epoch {}, miner {} (owner {}, worker {}), sector size {} bytes, {}",
                    head.epoch(), runtime.accounts.get(state.miner().id()).idAddress().format(DevnetChain.NETWORK),
                    state.miner().owner().format(DevnetChain.NETWORK), state.miner().worker().format(DevnetChain.NETWORK),
                    state.miner().sectorSize(), config.manualClock() ? "manual clock" : "block time " + config.blockTime());
            return null;
        });
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        for (Waiter waiter : waiters) {
            waiter.promise().tryFail(new ChainException(ChainException.Kind.UNREACHABLE, "the devnet stopped"));
        }
        waiters.clear();
        // Lets a store write in flight finish before the store closes.
        return serial.submit(() -> Future.succeededFuture());
    }

    public Context context() {
        return context;
    }

    // ---- clock and epochs ----

    private void tick() {
        if (serial.idle()) {
            serial.submit(() -> produce(1)).onFailure(e -> log.warn("devnet: producing epoch {} failed: {}",
                    head.epoch() + 1, e.getMessage()));
        }
    }

    public Future<ChainHead> advance(int epochs) {
        if (epochs < 1) {
            return Future.failedFuture(DevnetQueries.rejected("advance needs at least 1 epoch, got " + epochs));
        }
        return serial.submit(() -> produce(epochs));
    }

    private Future<ChainHead> produce(int epochs) {
        Future<ChainHead> done = Future.succeededFuture(head);
        for (int i = 0; i < epochs; i++) {
            done = done.compose(previous -> produceOne());
        }
        return done;
    }

    private Future<ChainHead> produceOne() {
        int mark = state.journal.mark();
        List<MessageRecord> executed;
        try {
            executed = runtime.producer.produce(System.currentTimeMillis() / 1000);
        } catch (RuntimeException e) {
            state.journal.rollbackTo(mark);
            return Future.failedFuture(e);
        }
        return persist(mark).map(v -> {
            ChainHead next = headNow();
            recent.add(next, state.journal.drain());
            head = next;
            if (!executed.isEmpty()) {
                log.debug("devnet: epoch {} executed {} messages", next.epoch(), executed.size());
            }
            vertx.eventBus().publish(ChainEvent.ADDRESS, new ChainEvent.HeadApplied(next), LOCAL);
            wakeWaiters();
            return next;
        });
    }

    private ChainHead headNow() {
        ChainCounters counters = state.counters();
        return new ChainHead(counters.height(), state.tipSetKey(counters.height()), counters.headTimestamp());
    }

    /** Stores what changed since {@code mark}; on failure those changes are undone in memory too. */
    private Future<Void> persist(int mark) {
        return repository.write(ChangeSet.of(state, state.journal.since(mark), false))
                .onFailure(e -> state.journal.rollbackTo(mark));
    }

    // ---- reorgs ----

    public Future<Void> reorg(int epochs) {
        return serial.submit(() -> {
            if (epochs < 1 || epochs > recent.size()) {
                return Future.failedFuture(DevnetQueries.rejected("can revert 1 to " + recent.size()
                        + " epochs (those produced since start, at most " + config.policy().maxReorgDepth() + "), not " + epochs));
            }
            long from = head.epoch() - epochs + 1;
            List<Journal.Entry> touched = new ArrayList<>(state.journal.drain());
            undo(touched);
            List<RecentEpochs.Epoch> reverted = recent.takeNewest(epochs);
            for (RecentEpochs.Epoch epoch : reverted) {
                undo(epoch.changes());
                touched.addAll(epoch.changes());
            }
            highestGeneration++;
            state.forks.put(from, highestGeneration);
            state.setCounters(state.counters().withGeneration(highestGeneration));
            touched.addAll(state.journal.since(0));
            log.info("devnet: reorg reverts epochs {}..{}; generation {} starts at {}", from, head.epoch(),
                    highestGeneration, from);
            return repository.write(ChangeSet.of(state, touched, false)).compose(v -> {
                head = headNow();
                reverted.forEach(epoch -> vertx.eventBus().publish(ChainEvent.ADDRESS,
                        new ChainEvent.HeadReverted(epoch.head()), LOCAL));
                return produce(epochs).<Void>mapEmpty();
            }, e -> {
                log.error("devnet: storing a reorg failed; memory and store now differ, restart the node: {}", e.getMessage());
                return Future.failedFuture(e);
            });
        });
    }

    private static void undo(List<Journal.Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            entries.get(i).undo();
        }
    }

    // ---- messages ----

    public Future<Cid> push(MessageRequest request) {
        return serial.submit(() -> pushes.push(request, head.epoch()));
    }

    public Future<MessageLookup> waitMessage(Cid cid, int confidence) {
        if (confidence < 0) {
            return Future.failedFuture(DevnetQueries.rejected("confidence must not be negative, got " + confidence));
        }
        Optional<MessageRecord> message = state.messages.get(cid);
        if (message.isEmpty()) {
            return Future.failedFuture(DevnetQueries.rejected("message " + cid + " is neither in the pool nor on chain"));
        }
        Waiter waiter = new Waiter(cid, confidence, Promise.promise());
        waiters.add(waiter);
        wakeWaiters();
        return waiter.promise().future();
    }

    private void wakeWaiters() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            Optional<MessageRecord> done = state.messages.get(waiter.cid()).filter(m -> !m.pending()
                    && head.epoch() >= m.executedEpoch() + waiter.confidence());
            if (done.isPresent()) {
                it.remove();
                waiter.promise().complete(queries.lookup(done.get()));
            }
        }
    }

    public Future<Optional<MessageReport>> report(Cid cid) {
        return Future.succeededFuture(queries.searchMessage(cid)
                .map(lookup -> new MessageReport(lookup, queries.notes(cid).orElse(List.of()))));
    }

    // ---- faucet ----

    public Future<AccountFunds> fund(Address address, TokenAmount amount) {
        return faucet(address, amount, holder -> runtime.accounts.transfer(DevnetActors.RESERVE_ID, holder.id(), amount));
    }

    public Future<AccountFunds> addEscrow(Address address, TokenAmount amount) {
        return faucet(address, amount, holder -> {
            runtime.accounts.transfer(DevnetActors.RESERVE_ID, DevnetActors.MARKET_ID, amount);
            runtime.escrow.deposit(holder.id(), amount);
        });
    }

    private Future<AccountFunds> faucet(Address address, TokenAmount amount, Consumer<ActorState> pay) {
        return serial.submit(() -> {
            if (amount.signum() <= 0) {
                return Future.failedFuture(DevnetQueries.rejected("the faucet pays positive amounts only, not "
                        + amount.toFilString()));
            }
            int mark = state.journal.mark();
            ActorState holder;
            try {
                holder = runtime.accounts.resolveOrCreate(address);
                pay.accept(holder);
            } catch (ActorError e) {
                state.journal.rollbackTo(mark);
                return Future.failedFuture(DevnetQueries.rejected(e.getMessage()));
            }
            return persist(mark).map(v -> new AccountFunds(holder.idAddress(),
                    runtime.accounts.get(holder.id()).balance(), runtime.escrow.of(holder.id())));
        });
    }

    // ---- failure injection ----

    public Future<Void> rejectPushes(Predicate<MessageRequest> match, int count, String reason) {
        runtime.faults.rejectPushes(match, count, reason);
        return Future.succeededFuture();
    }

    public Future<Void> outOfGas(Predicate<Message> match) {
        runtime.faults.outOfGas(match);
        return Future.succeededFuture();
    }

    // ---- queries ----

    public ChainHead head() {
        return head;
    }

    /** The chain's randomness, from the seed it was created with. */
    public DevnetRandomness randomness() {
        return state.randomness;
    }

    public DevnetQueries queries() {
        return queries;
    }

    public DevnetAudit audit() {
        TokenAmount escrow = TokenAmount.ZERO;
        TokenAmount locked = TokenAmount.ZERO;
        int negative = 0;
        for (MarketBalance balance : state.escrow.values()) {
            escrow = escrow.add(balance.escrow());
            locked = locked.add(balance.locked());
            negative += balance.locked().isNegative() || balance.available().isNegative() ? 1 : 0;
        }
        return new DevnetAudit(runtime.accounts.totalBalance(), runtime.accounts.get(DevnetActors.MARKET_ID).balance(),
                escrow, locked, runtime.accounts.get(DevnetActors.BURNT_ID).balance(),
                runtime.accounts.get(DevnetActors.MINER_ID).balance(), MinerCron.lockedFunds(state), negative);
    }
}
