package dev.granary.fsm;

import dev.granary.fsm.OrderMachine.Pay;
import dev.granary.fsm.OrderMachine.PaymentConfirmed;
import dev.granary.fsm.OrderMachine.Shipped;
import dev.granary.fsm.OrderMachine.State;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A second group over the same store stands in for the node after a restart. */
class RestartTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void reloadResumesRunningMachinesAndReRunsTheirEntryHandlers() throws Exception {
        GroupHarness before = new GroupHarness(vertx);
        before.create("paying");
        before.send("paying", new Pay(7));
        before.create("done");
        before.send("done", new Pay(1));
        before.send("done", new PaymentConfirmed());
        before.send("done", new Shipped("T"));
        GroupHarness.await(before.group.close());

        GroupHarness after = new GroupHarness(vertx, before.store);
        assertEquals(1, GroupHarness.await(after.group.load()), "final machines are not resumed");
        after.settle();
        assertEquals(List.of("PAYING(resumed)"), after.probe.entries);
        assertEquals(7, after.data("paying").amount(), "data survives");
        assertInstanceOf(Outcome.Applied.class, after.send("paying", new PaymentConfirmed()));
    }

    @Test
    void timersAreReArmedFromThePersistedDeadlineNotRestarted() throws Exception {
        GroupHarness before = new GroupHarness(vertx);
        before.create("o");
        before.send("o", new Pay(1)); // 30 s timeout from START
        before.advance(20_000);
        GroupHarness.await(before.group.close());

        GroupHarness after = new GroupHarness(vertx, before.store);
        after.clock.advance(20_000); // the new process starts 20 s later on the same clock
        GroupHarness.await(after.group.load());
        after.advance(9_999);
        assertEquals(State.PAYING, after.state("o"));
        after.advance(1);
        assertEquals(State.FAILED, after.state("o"), "fired 30 s after entry, not 30 s after restart");
    }

    @Test
    void aDeadlineThatPassedWhileDownFiresRightAfterLoad() throws Exception {
        GroupHarness before = new GroupHarness(vertx);
        before.create("o");
        before.send("o", new Pay(1));
        GroupHarness.await(before.group.close());

        GroupHarness after = new GroupHarness(vertx, before.store);
        after.clock.advance(60_000);
        GroupHarness.await(after.group.load());
        after.advance(0);
        assertEquals(State.FAILED, after.state("o"));
    }
}
