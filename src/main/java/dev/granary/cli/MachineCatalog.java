package dev.granary.cli;

import dev.granary.bench.RingMachine;
import dev.granary.examples.consensus.UnwiredApplication;
import dev.granary.fsm.MachineDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every machine type Granary defines, for the fsm commands. Subsystems add their definitions here. */
final class MachineCatalog {
    private record Entry(String description, Supplier<MachineDefinition<?, ?, ?>> definition) {
    }

    private static final Map<String, Entry> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("bench-ring", new Entry("benchmark: five states in a ring", () -> RingMachine.definition(() -> { })));
        TYPES.put("consensus", new Entry("example: round-based consensus (not run by the node)", UnwiredApplication::definition));
    }

    private MachineCatalog() {
    }

    static List<String> types() {
        return List.copyOf(TYPES.keySet());
    }

    static String describe(String type) {
        return TYPES.get(type).description();
    }

    static MachineDefinition<?, ?, ?> definition(String type) {
        Entry entry = TYPES.get(type);
        return entry == null ? null : entry.definition().get();
    }
}
