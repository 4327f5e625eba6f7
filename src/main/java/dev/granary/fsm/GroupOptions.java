package dev.granary.fsm;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * How a group runs: where machines are kept, how data is encoded, the clock, and where metrics go.
 *
 * @param registry null for no metrics
 */
public record GroupOptions<D>(MachineStore store, DataCodec<D> codec, Scheduler scheduler, MeterRegistry registry) {
    public GroupOptions<D> withStore(MachineStore other) {
        return new GroupOptions<>(other, codec, scheduler, registry);
    }

    public GroupOptions<D> withScheduler(Scheduler other) {
        return new GroupOptions<>(store, codec, other, registry);
    }

    public GroupOptions<D> withRegistry(MeterRegistry other) {
        return new GroupOptions<>(store, codec, scheduler, other);
    }
}
