package dev.granary.examples.consensus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * In-process nodes on one Vert.x event bus, each its own verticle (so its own event-loop context), with
 * what every node finalized recorded per rank. Times are the original engine's divided by 50.
 */
final class TestNetwork implements AutoCloseable {
    static final Timing TIMING = Timing.SEED.scaledDown(50);
    /** Well above a round's spread between nodes, so nobody votes for a lower leader by accident. */
    static final Duration PROVE_STAGGER = Duration.ofMillis(200);

    final Vertx vertx = Vertx.vertx();
    final Map<String, ConsensusNode<Frame, FrameVote, Ops>> nodes = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Long, Frame>> finalized = new LinkedHashMap<>();
    private final List<Throwable> uncaught = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Set<String> nodes, long rank, Promise<Void> promise) {
    }

    TestNetwork(int size, int minimumProvers) {
        vertx.exceptionHandler(this::uncaught);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add("n" + i);
        }
        for (String id : ids) {
            ConsensusSettings settings = new ConsensusSettings(id, TIMING, () -> minimumProvers);
            var node = new ConsensusNode<Frame, FrameVote, Ops>("test", settings, Frame.genesis(),
                    gossip -> ConsensusProviders.of(new HashChainApp(vertx, gossip, ids, minimumProvers, PROVE_STAGGER)));
            node.onFinalized(frame -> finalized(id, frame));
            nodes.put(id, node);
            finalized.put(id, new TreeMap<>());
        }
    }

    ConsensusNode<Frame, FrameVote, Ops> node(String id) {
        return nodes.get(id);
    }

    void start() throws Exception {
        for (var node : nodes.values()) {
            vertx.deployVerticle(node).await(10, TimeUnit.SECONDS);
        }
    }

    /** Completes once every one of {@code ids} has finalized {@code rank} (or beyond). */
    synchronized Future<Void> finalizedBy(Collection<String> ids, long rank) {
        Waiter waiter = new Waiter(Set.copyOf(ids), rank, Promise.promise());
        waiters.add(waiter);
        check();
        return waiter.promise.future();
    }

    /** A copy of what {@code id} finalized, by rank. */
    synchronized NavigableMap<Long, Frame> finalized(String id) {
        return new TreeMap<>(finalized.get(id));
    }

    synchronized List<Throwable> uncaught() {
        return List.copyOf(uncaught);
    }

    /** Completes after {@code time}: a Vert.x timer, so tests wait without sleeping. */
    Future<Void> elapse(Duration time) {
        Promise<Void> done = Promise.promise();
        vertx.setTimer(time.toMillis(), id -> done.complete());
        return done.future();
    }

    private synchronized void finalized(String id, Frame frame) {
        finalized.get(id).put(frame.rank(), frame);
        check();
    }

    private synchronized void uncaught(Throwable error) {
        uncaught.add(error);
    }

    private void check() {
        waiters.removeIf(waiter -> {
            boolean reached = waiter.nodes.stream().allMatch(id -> {
                NavigableMap<Long, Frame> frames = finalized.get(id);
                return !frames.isEmpty() && frames.lastKey() >= waiter.rank;
            });
            if (reached) {
                waiter.promise.complete();
            }
            return reached;
        });
    }

    @Override
    public void close() throws Exception {
        // quiet first, so no gossip is still flying when the consumers go away
        nodes.values().forEach(node -> node.silent(true));
        elapse(TIMING.votePoll()).await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
