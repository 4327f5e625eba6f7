package dev.granary.fsm;

import dev.granary.fsm.OrderMachine.Event;
import dev.granary.fsm.OrderMachine.Note;
import dev.granary.fsm.OrderMachine.Order;
import dev.granary.fsm.OrderMachine.Pay;
import dev.granary.fsm.OrderMachine.Ping;
import dev.granary.fsm.OrderMachine.Shipped;
import dev.granary.fsm.OrderMachine.State;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table is checked when built, and answers lookups the way the runtime relies on. */
class DefinitionTest {
    private final MachineDefinition<State, Event, Order> order = OrderMachine.definition(new OrderMachine.Probe());

    private static DefinitionBuilder<State, Event, Order> builder() {
        return MachineDefinition.builder("test", State.class, Event.class, Order.class);
    }

    @Test
    void ownRowsWinOverAnyStateRowsAndFinalStatesHaveNone() {
        assertEquals(TargetKind.JUST_RECORD, order.find(State.SHIPPING, Note.class).kind());
        assertEquals(TargetKind.NO_CHANGE, order.find(State.NEW, Note.class).kind());
        assertNull(order.find(State.DONE, Note.class), "final states take nothing");
        assertNull(order.find(State.NEW, Shipped.class));
        assertTrue(order.ignorable(Ping.class));
    }

    @Test
    void twoRowsForOneEventAndStateAreRefused() {
        var twice = builder().on(Pay.class).from(State.NEW).to(State.PAYING).on(Pay.class).fromMany(State.PAID, State.NEW).to(State.DONE);
        IllegalStateException e = assertThrows(IllegalStateException.class, twice::build);
        assertTrue(e.getMessage().contains("two rows from NEW"), e.getMessage());
    }

    @Test
    void rowsLeavingAFinalStateAreRefused() {
        var bad = builder().state(State.DONE, StateBuilder::terminal).on(Pay.class).from(State.DONE).to(State.NEW);
        IllegalStateException e = assertThrows(IllegalStateException.class, bad::build);
        assertTrue(e.getMessage().contains("final state DONE"), e.getMessage());
    }

    @Test
    void justRecordRowsCannotChangeData() {
        assertThrows(IllegalStateException.class,
                () -> builder().on(Pay.class).from(State.NEW).toJustRecord().action((o, p) -> o));
    }

    @Test
    void aTargetNeedsSourcesFirstAndTypeNamesAreKebabCase() {
        assertThrows(IllegalStateException.class, () -> builder().on(Pay.class).to(State.NEW));
        assertThrows(IllegalArgumentException.class, () -> MachineDefinition.builder("Bad Name", State.class, Event.class, Order.class));
        assertThrows(IllegalStateException.class, () -> builder().state(State.NEW, s -> { }).state(State.NEW, s -> { }));
    }

    @Test
    void mermaidIsGeneratedFromTheTable() {
        String diagram = Mermaid.render(order);
        assertTrue(diagram.startsWith("stateDiagram-v2\n"));
        assertTrue(diagram.contains("    [*] --> NEW\n"));
        assertTrue(diagram.contains("    NEW --> PAYING : Pay\n"));
        assertTrue(diagram.contains("    PAID --> CANCELLED : Cancel\n"), "fromMany drawn from each source");
        assertTrue(diagram.contains("    SHIPPING --> SHIPPING : Note (record)\n"), "own row drawn instead of the any-state row");
        assertTrue(!diagram.contains("SHIPPING --> SHIPPING : Note (update)"));
        assertTrue(diagram.contains("    note right of NEW: Restart in any running state (re-enter)\n"), "one note for a global self-loop");
        assertTrue(!diagram.contains("PAYING --> PAYING : Restart"), "no self-loop per state");
        assertTrue(diagram.contains("    DONE --> [*]\n"));
        assertTrue(diagram.contains("ForceState moves any running machine"));
        assertEquals(diagram, Mermaid.render(OrderMachine.definition(new OrderMachine.Probe())), "deterministic");
    }
}
