package dev.granary.cli;

import dev.granary.Main;
import dev.granary.fsm.Mermaid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineCatalogTest {
    @Test
    void everyRegisteredTypeIsNamedAsItsDefinitionAndRendersAsMermaid() {
        assertTrue(MachineCatalog.types().size() >= 2);
        for (String type : MachineCatalog.types()) {
            var definition = MachineCatalog.definition(type);
            assertEquals(type, definition.type());
            assertTrue(Mermaid.render(definition).startsWith("stateDiagram-v2\n"), type);
        }
    }

    @Test
    void diagramCommandPrintsKnownTypesAndRefusesUnknownOnes() {
        assertEquals(0, Main.commandLine().execute("fsm", "diagram", "bench-ring"));
        assertEquals(0, Main.commandLine().execute("fsm", "diagram", "consensus"));
        assertEquals(2, Main.commandLine().execute("fsm", "diagram", "no-such-type"));
        assertEquals(0, Main.commandLine().execute("fsm", "list"));
    }
}
