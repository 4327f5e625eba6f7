package dev.granary.fsm;

import dev.granary.fsm.OrderMachine.Cancel;
import dev.granary.fsm.OrderMachine.ForceState;
import dev.granary.fsm.OrderMachine.Note;
import dev.granary.fsm.OrderMachine.Pay;
import dev.granary.fsm.OrderMachine.PaymentConfirmed;
import dev.granary.fsm.OrderMachine.Ping;
import dev.granary.fsm.OrderMachine.Restart;
import dev.granary.fsm.OrderMachine.Seen;
import dev.granary.fsm.OrderMachine.Shipped;
import dev.granary.fsm.OrderMachine.State;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runtime semantics of every DSL form, on a manual clock. */
class MachineGroupTest {
    private Vertx vertx;
    private GroupHarness h;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        h = new GroupHarness(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void toMovesAndRunsTheNewStatesEntryHandlerAfterPersisting() throws Exception {
        h.create("o");
        List<State> storedWhenEntered = new ArrayList<>();
        h.group.listen(t -> storedWhenEntered.add(h.store.load("order", "o").result().map(r -> State.valueOf(r.state())).orElseThrow()));
        Outcome outcome = h.send("o", new Pay(5));
        assertEquals(new Outcome.Applied("NEW", "PAYING", 2), outcome);
        assertEquals(List.of("NEW", "PAYING"), h.probe.entries);
        assertEquals(5, h.data("o").amount(), "action applied");
        assertEquals(List.of(State.PAYING), storedWhenEntered, "state was stored before listeners and the handler ran");
    }

    @Test
    void guardRefusalIsRecordedWithItsReason() throws Exception {
        h.create("o");
        Outcome outcome = h.send("o", new Pay(0));
        assertEquals(new Outcome.Rejected("NEW", "amount must be positive"), outcome);
        assertEquals(State.NEW, h.state("o"));
        LogEntry last = lastLog("o");
        assertEquals(LogEntry.REJECTED, last.outcome());
        assertEquals("amount must be positive", last.detail());
    }

    @Test
    void anEventWithoutATransitionIsRecordedAndDoesNotWedgeTheMachine() throws Exception {
        h.create("o");
        Outcome outcome = h.send("o", new Shipped("x"));
        assertInstanceOf(Outcome.Rejected.class, outcome);
        assertEquals("no transition for Shipped in state NEW", ((Outcome.Rejected) outcome).reason());
        assertEquals("no transition for Shipped in state NEW", lastLog("o").detail());
        assertInstanceOf(Outcome.Applied.class, h.send("o", new Pay(3)), "still takes events");
    }

    @Test
    void ignorableEventsAreDroppedWithoutALogEntry() throws Exception {
        h.create("o");
        int before = log("o").size();
        assertEquals(new Outcome.Ignored("NEW"), h.send("o", new Ping()));
        assertEquals(before, log("o").size());
    }

    @Test
    void fromManyAppliesInEachListedState() throws Exception {
        h.create("a");
        h.create("b");
        h.send("b", new Pay(1));
        assertInstanceOf(Outcome.Applied.class, h.send("a", new Cancel("x")));
        assertInstanceOf(Outcome.Applied.class, h.send("b", new Cancel("x")));
        assertEquals(State.CANCELLED, h.state("a"));
        assertEquals(State.CANCELLED, h.state("b"));
    }

    @Test
    void toNoChangeUpdatesDataWithoutReenteringAndAnOwnRowBeatsFromAny() throws Exception {
        h.create("o");
        h.send("o", new Note("gift"));
        assertEquals(List.of("gift"), h.data("o").notes());
        assertEquals(List.of("NEW"), h.probe.entries, "no re-entry");

        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed());
        h.settle();
        assertEquals(State.SHIPPING, h.state("o"));
        assertInstanceOf(Outcome.Applied.class, h.send("o", new Note("fragile")));
        assertEquals(List.of("gift"), h.data("o").notes(), "SHIPPING's own row only records the note");
        assertEquals("Note", lastLog("o").event());
    }

    @Test
    void toJustRecordOnlyLogs() throws Exception {
        h.create("o");
        long version = h.group.snapshot("o").orElseThrow().version();
        Outcome outcome = h.send("o", new Seen());
        assertEquals(new Outcome.Applied("NEW", "NEW", version + 1), outcome);
        assertEquals(OrderMachine.empty(), h.data("o"));
        assertEquals("Seen", lastLog("o").event());
        assertEquals(List.of("NEW"), h.probe.entries);
    }

    @Test
    void reenterRunsTheEntryHandlerAgain() throws Exception {
        h.create("o");
        h.send("o", new Restart());
        assertEquals(List.of("NEW", "NEW"), h.probe.entries);
    }

    @Test
    void globalEventsApplyInEveryRunningStateAndForceStateUsesTheEventsTarget() throws Exception {
        h.create("o");
        h.send("o", new Pay(1));
        assertInstanceOf(Outcome.Applied.class, h.send("o", new ForceState(State.NEW)));
        assertEquals(State.NEW, h.state("o"));
        assertInstanceOf(Outcome.Applied.class, h.send("o", new ForceState(State.PAYING)));
        assertEquals(State.PAYING, h.state("o"));
    }

    @Test
    void timeoutFiresItsEventAndIsCancelledOnExit() throws Exception {
        h.create("a");
        h.create("b");
        h.send("a", new Pay(1));
        h.send("b", new Pay(1));
        h.send("b", new Cancel("changed mind"));
        h.advance(29_999);
        assertEquals(State.PAYING, h.state("a"));
        h.advance(1);
        assertEquals(State.FAILED, h.state("a"));
        assertEquals(State.CANCELLED, h.state("b"));
        assertEquals("Cancel", log("b").get(log("b").size() - 1).event(), "no late timeout on b");
        assertEquals(0, h.clock.pending());
    }

    @Test
    void handlerResultEventsAndQueuedEventsApplyInOrder() throws Exception {
        h.create("o");
        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed()); // PAID's handler answers Ship at once
        h.settle();
        assertEquals(State.SHIPPING, h.state("o"));
        assertEquals(List.of("NEW", "PAYING", "PAID", "SHIPPING#1"), h.probe.entries);
    }

    @Test
    void eventsArrivingWhileAHandlerRunsWaitForIt() throws Exception {
        h.create("o");
        h.probe.shipHangs = true;
        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed());
        h.settle();
        var pending = h.group.send("o", new Shipped("T"));
        h.settle();
        assertTrue(!pending.isComplete(), "queued behind the running handler");
        assertEquals(State.SHIPPING, h.state("o"));
    }

    @Test
    void failingHandlerIsRetriedThenSucceeds() throws Exception {
        h.create("o");
        h.probe.shipFailuresLeft = 2;
        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed());
        h.settle();
        assertEquals(List.of("NEW", "PAYING", "PAID", "SHIPPING#1"), h.probe.entries);
        h.advance(1_000);
        h.advance(2_000);
        assertEquals(List.of("NEW", "PAYING", "PAID", "SHIPPING#1", "SHIPPING#2", "SHIPPING#3"), h.probe.entries);
        assertEquals(State.SHIPPING, h.state("o"));
        assertEquals(2, log("o").stream().filter(e -> e.outcome().equals(LogEntry.ERROR)).count());
        assertInstanceOf(Outcome.Applied.class, h.send("o", new Shipped("T")));
    }

    @Test
    void exhaustedRetriesBecomeTheDeclaredFailureEvent() throws Exception {
        h.create("o");
        h.probe.shipFailuresLeft = 3;
        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed());
        h.advance(1_000);
        h.advance(2_000);
        assertEquals(State.FAILED, h.state("o"));
        assertEquals("HandlerFailed", lastLog("o").event());
    }

    @Test
    void behaviorRunsDuringTheStateAndIsCancelledOnExitAndItsLateEventsAreStale() throws Exception {
        h.create("o");
        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed());
        h.settle();
        MachineContext<State, OrderMachine.Event, OrderMachine.Order> behavior = h.probe.behaviorContext;
        assertTrue(behavior.current());
        h.send("o", new ForceState(State.PAID));
        h.settle();
        assertTrue(h.probe.behaviorCancelled);
        assertTrue(!behavior.current());
        h.probe.shipHangs = true; // PAID's handler sends Ship; SHIPPING now hangs, so the machine stays put
        h.settle();
        Outcome late = GroupHarness.await(behavior.send(new Shipped("late")));
        assertInstanceOf(Outcome.Rejected.class, late);
        assertEquals(LogEntry.STALE, lastLog("o").outcome());
        assertEquals(State.SHIPPING, h.state("o"));
    }

    @Test
    void finalStateRunsItsHandlerOnceThenRefusesEvents() throws Exception {
        h.create("o");
        h.send("o", new Pay(1));
        h.send("o", new PaymentConfirmed());
        h.send("o", new Shipped("T"));
        assertEquals(1, h.probe.entries.stream().filter("DONE"::equals).count());
        assertTrue(h.group.snapshot("o").isEmpty(), "a finished machine leaves memory");
        assertEquals(0, h.group.running());
        Outcome after = h.send("o", new Restart());
        assertEquals(new Outcome.Rejected("DONE", "machine is in final state DONE"), after);
        assertEquals(1, h.probe.entries.stream().filter("DONE"::equals).count());
    }

    @Test
    void unknownMachinesAndDuplicatesFailClearly() throws Exception {
        Exception unknown = assertThrows(Exception.class, () -> h.send("nope", new Pay(1)));
        assertTrue(unknown.getMessage().contains("no order machine nope"), unknown.getMessage());
        h.create("o");
        Exception duplicate = assertThrows(Exception.class, () -> h.create("o"));
        assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
    }

    @Test
    void listenersSeeEveryAppliedTransitionInOrder() throws Exception {
        List<String> all = new ArrayList<>();
        List<String> one = new ArrayList<>();
        h.group.listen(t -> all.add(t.id() + ":" + t.from() + "->" + t.to()));
        h.create("a");
        h.create("b");
        var subscription = h.group.listen("a", t -> one.add(t.to().name()));
        h.send("a", new Pay(1));
        h.send("b", new Pay(1));
        subscription.cancel();
        h.send("a", new Cancel("x"));
        assertEquals(List.of("a:null->NEW", "b:null->NEW", "a:NEW->PAYING", "b:NEW->PAYING", "a:PAYING->CANCELLED"), all);
        assertEquals(List.of("PAYING"), one);
    }

    @Test
    void queriesByStateAndCounts() throws Exception {
        h.create("a");
        h.create("b");
        h.create("c");
        h.send("b", new Pay(1));
        h.send("c", new Cancel("x"));
        assertEquals(1, h.group.count(State.NEW));
        assertEquals(1, h.group.count(State.PAYING));
        assertEquals(List.of("a"), h.group.inState(State.NEW).stream().map(Snapshot::id).toList());
        assertEquals(List.of("c"), GroupHarness.await(h.group.listByState(State.CANCELLED, 10)).stream().map(Snapshot::id).toList());
    }

    @Test
    void metricsCountMachinesPerStateTransitionsRefusalsAndHandlerErrors() throws Exception {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var probe = new OrderMachine.Probe();
        var group = MachineGroup.create(vertx, OrderMachine.definition(probe),
                new GroupOptions<>(new InMemoryMachineStore(), DataCodec.json(OrderMachine.Order.class), h.clock, registry));
        group.create("a", State.NEW, OrderMachine.empty()).await(5, TimeUnit.SECONDS);
        group.create("b", State.NEW, OrderMachine.empty()).await(5, TimeUnit.SECONDS);
        group.send("a", new Pay(1)).await(5, TimeUnit.SECONDS);
        group.send("b", new Shipped("nope")).await(5, TimeUnit.SECONDS);
        assertEquals(1.0, registry.get("granary.fsm.machines").tags("type", "order", "state", "NEW").gauge().value());
        assertEquals(1.0, registry.get("granary.fsm.machines").tags("type", "order", "state", "PAYING").gauge().value());
        assertEquals(1.0, registry.get("granary.fsm.transitions").counter().count(), "creation is not a transition");
        assertEquals(1.0, registry.get("granary.fsm.rejected").counter().count());
        probe.shipFailuresLeft = 1;
        group.send("a", new PaymentConfirmed()).await(5, TimeUnit.SECONDS);
        io.vertx.core.Promise<Void> settled = io.vertx.core.Promise.promise();
        group.context().runOnContext(v -> settled.complete());
        settled.future().await(5, TimeUnit.SECONDS);
        assertEquals(1.0, registry.get("granary.fsm.handler.errors").counter().count());
    }

    private List<LogEntry> log(String id) throws Exception {
        return GroupHarness.await(h.group.log(id));
    }

    private LogEntry lastLog(String id) throws Exception {
        List<LogEntry> entries = log(id);
        return entries.get(entries.size() - 1);
    }
}
