package dev.granary.chain.devnet;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainHead;
import dev.granary.node.MessageCodecs;
import dev.granary.store.Store;
import dev.granary.store.StoreConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A devnet on a real store in a temporary repo, as a test drives it: start, restart on the same repo and store, and
 * the chain events seen so far. Blocking waits are bounded so a hang fails the test.
 */
final class DevnetHarness implements AutoCloseable {
    private static final long SECONDS = 30;

    final Vertx vertx;
    final Path repo;
    private final StoreConfig storeConfig;
    private final DevnetConfig config;
    final List<ChainEvent> events = new CopyOnWriteArrayList<>();
    private record EventWaiter(int count, CompletableFuture<Void> reached) {
    }
    private final List<EventWaiter> eventWaiters = new CopyOnWriteArrayList<>();
    private final MessageConsumer<ChainEvent> consumer;
    private Store store;
    private DevnetChain chain;

    private DevnetHarness(Vertx vertx, Path repo, StoreConfig storeConfig, DevnetConfig config) {
        this.vertx = vertx;
        this.repo = repo;
        this.storeConfig = storeConfig;
        this.config = config;
        MessageCodecs.registerOnce(vertx);
        this.consumer = vertx.eventBus().localConsumer(ChainEvent.ADDRESS, message -> {
            events.add(message.body());
            eventWaiters.removeIf(waiter -> {
                if (events.size() >= waiter.count()) {
                    waiter.reached().complete(null);
                    return true;
                }
                return false;
            });
        });
    }

    /** A started devnet with a manual clock on SQLite in {@code repo}. */
    static DevnetHarness sqlite(Vertx vertx, Path repo) throws Exception {
        return start(vertx, repo, new StoreConfig("", 4), DevnetConfig.manual());
    }

    static DevnetHarness start(Vertx vertx, Path repo, StoreConfig storeConfig, DevnetConfig config) throws Exception {
        DevnetHarness harness = new DevnetHarness(vertx, repo, storeConfig, config);
        harness.open();
        return harness;
    }

    DevnetChain chain() {
        return chain;
    }

    private void open() throws Exception {
        store = await(Store.open(vertx, storeConfig, repo.resolve("db").resolve("granary.db"), null));
        chain = DevnetChain.create(vertx, store, repo, config);
        await(chain.start());
    }

    /** Stops the devnet and its store, then brings both back up on the same repo: what a node restart does. */
    DevnetChain restart() throws Exception {
        stop();
        open();
        return chain;
    }

    void stop() throws Exception {
        await(chain.close());
        await(store.close());
    }

    /** Blocks until at least {@code count} chain events have arrived, at most {@code seconds}. */
    void awaitEvents(int count, long seconds) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        eventWaiters.add(new EventWaiter(count, reached));
        if (events.size() >= count) {
            reached.complete(null);
        }
        reached.get(seconds, TimeUnit.SECONDS);
    }

    ChainHead advance(int epochs) throws Exception {
        return await(chain.advance(epochs));
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            consumer.unregister();
        }
    }
}
