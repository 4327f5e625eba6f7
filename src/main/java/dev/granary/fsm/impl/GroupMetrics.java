package dev.granary.fsm.impl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Per machine type: machines per state (from the group's own counts), transitions, refused events and
 * handler errors. The rate of granary_fsm_transitions_total is transitions per second.
 */
public final class GroupMetrics {
    private final int[] perState;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter transitions;
    private final Counter rejected;
    private final Counter handlerErrors;

    public GroupMetrics(MeterRegistry registry, String type, Enum<?>[] states) {
        this.perState = new int[states.length];
        this.registry = registry;
        if (registry == null) {
            transitions = rejected = handlerErrors = null;
            return;
        }
        for (Enum<?> state : states) {
            meters.add(Gauge.builder("granary.fsm.machines", perState, counts -> counts[state.ordinal()])
                    .description("Machines in memory per state (final ones leave once their handler ran)")
                    .tags("type", type, "state", state.name())
                    .register(registry));
        }
        transitions = counter("granary.fsm.transitions", "Applied transitions", type);
        rejected = counter("granary.fsm.rejected", "Events refused: no transition, guard, stale or final", type);
        handlerErrors = counter("granary.fsm.handler.errors", "Entry handler failures, retries included", type);
    }

    public void entered(Enum<?> state) {
        perState[state.ordinal()]++;
    }

    public void left(Enum<?> state) {
        perState[state.ordinal()]--;
    }

    public int count(Enum<?> state) {
        return perState[state.ordinal()];
    }

    public void transition() {
        if (transitions != null) {
            transitions.increment();
        }
    }

    public void rejected() {
        if (rejected != null) {
            rejected.increment();
        }
    }

    public void handlerError() {
        if (handlerErrors != null) {
            handlerErrors.increment();
        }
    }

    public void remove() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }

    private Counter counter(String name, String description, String type) {
        Counter counter = Counter.builder(name).description(description).tag("type", type).register(registry);
        meters.add(counter);
        return counter;
    }
}
