package dev.granary.examples.consensus;

import dev.granary.fsm.Outcome;
import dev.granary.fsm.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four in-process nodes gossiping over the event bus; minimum provers (and quorum) 3. */
class ConsensusNetworkTest {
    private static final int RANKS = 5;
    private static final long WAIT_SECONDS = 20;
    private static final Duration VOTING = TestNetwork.TIMING.voting();

    @Test
    void fourNodesFinalizeTheSameChain() throws Exception {
        try (TestNetwork net = new TestNetwork(4, 3)) {
            net.start();
            List<String> all = List.copyOf(net.nodes.keySet());
            net.finalizedBy(all, RANKS).await(WAIT_SECONDS, TimeUnit.SECONDS);

            assertSameChain(net, all, RANKS);
            assertTrue(net.uncaught().isEmpty(), () -> "uncaught: " + net.uncaught());
        }
    }

    @Test
    void threeLiveNodesOfFourStillProgress() throws Exception {
        try (TestNetwork net = new TestNetwork(4, 3)) {
            net.node("n3").silent(true);
            net.start();
            List<String> live = List.of("n0", "n1", "n2");
            net.finalizedBy(live, RANKS).await(WAIT_SECONDS, TimeUnit.SECONDS);

            assertSameChain(net, live, RANKS);
            assertTrue(net.finalized("n3").isEmpty(), "a silent node cannot finalize alone");
            // the silent node led some of those ranks: the others went on with the next leader's frame
            assertTrue(net.finalized("n0").values().stream().noneMatch(frame -> frame.proposer().equals("n3")));
            assertTrue(net.uncaught().isEmpty(), () -> "uncaught: " + net.uncaught());
        }
    }

    @Test
    void twoLiveNodesOfFourStallWithoutDamage() throws Exception {
        try (TestNetwork net = new TestNetwork(4, 3)) {
            net.start();
            List<String> live = List.of("n0", "n1");
            net.finalizedBy(net.nodes.keySet(), 2).await(WAIT_SECONDS, TimeUnit.SECONDS);
            net.node("n2").silent(true);
            net.node("n3").silent(true);
            // a round already under way may still finish on the messages it had
            net.elapse(VOTING.multipliedBy(3)).await();
            Map<String, NavigableMap<Long, Frame>> before = Map.of("n0", net.finalized("n0"), "n1", net.finalized("n1"));

            net.elapse(VOTING.multipliedBy(5)).await();

            for (String id : live) {
                assertEquals(before.get(id), net.finalized(id), id + " finalized a rank without a quorum");
                Snapshot<ConsensusState, RoundData> machine = net.node(id).snapshot().await().orElseThrow();
                assertTrue(machine.state().running(), id + " is " + machine.state());
                Frame last = before.get(id).lastEntry().getValue();
                assertEquals(last, machine.data().activeState(), id + " active state is not its last finalized one");
                assertBooksAhead(machine.data());
            }
            assertSameChain(net, List.of("n0", "n1", "n2", "n3"), 2);
            assertAgreeWhereBothFinalized(net.finalized("n0"), net.finalized("n1"));
            assertTrue(net.uncaught().isEmpty(), () -> "uncaught: " + net.uncaught());

            for (String id : live) {
                Outcome stopped = net.node(id).send(new ConsensusEvent.Stop()).await();
                assertInstanceOf(Outcome.Applied.class, stopped, id + ": " + stopped);
                awaitState(net, id, ConsensusState.STOPPED);
            }
        }
    }

    /** Every node in {@code ids} finalized ranks 1..{@code through}, each linked to the one before, all alike. */
    private static void assertSameChain(TestNetwork net, List<String> ids, long through) {
        NavigableMap<Long, Frame> reference = net.finalized(ids.getFirst());
        String parent = Frame.genesis().hash();
        for (long rank = 1; rank <= through; rank++) {
            Frame frame = reference.get(rank);
            assertNotNull(frame, ids.getFirst() + " skipped rank " + rank);
            assertEquals(parent, frame.parent(), "rank " + rank + " does not extend rank " + (rank - 1));
            for (String id : ids) {
                assertEquals(frame, net.finalized(id).get(rank), id + " finalized another frame at rank " + rank);
            }
            parent = frame.hash();
        }
    }

    /** Nodes may stop at different ranks, never with different frames at one rank. */
    private static void assertAgreeWhereBothFinalized(NavigableMap<Long, Frame> one, NavigableMap<Long, Frame> other) {
        for (Map.Entry<Long, Frame> entry : one.entrySet()) {
            Frame theirs = other.get(entry.getKey());
            assertTrue(theirs == null || theirs.equals(entry.getValue()), "fork at rank " + entry.getKey());
        }
    }

    /** Nothing is kept for ranks the node already decided. */
    private static void assertBooksAhead(RoundData data) {
        for (RankBook book : List.of(data.liveness(), data.proposals(), data.votes(), data.confirmations())) {
            assertTrue(book.byRank().keySet().stream().allMatch(data::accepts), () -> "stale ranks kept: " + book);
        }
    }

    private static void awaitState(TestNetwork net, String id, ConsensusState wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ConsensusState state = null;
        while (System.nanoTime() < deadline) {
            state = net.node(id).snapshot().await().map(Snapshot::state).orElse(null);
            if (state == wanted) {
                return;
            }
            net.elapse(Duration.ofMillis(10)).await();
        }
        throw new AssertionError(id + " is " + state + ", not " + wanted);
    }
}
