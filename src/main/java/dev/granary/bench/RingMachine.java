package dev.granary.bench;

import dev.granary.fsm.MachineDefinition;
import dev.granary.fsm.StateBuilder;
import io.vertx.core.Future;

/**
 * The benchmark machine: five states in a ring, each entry handler answering {@code Next} at once, until the
 * machine has made its number of steps and finishes. Every step is one applied (and, when persisted, stored)
 * transition whose action bumps a counter, so a lost or doubled step shows in the data.
 */
public final class RingMachine {
    public enum State { R0, R1, R2, R3, R4, DONE }

    public sealed interface Event {
    }

    public record Next() implements Event {
    }

    public record Finish() implements Event {
    }

    public record Ring(int steps, int limit) {
        Ring step() {
            return new Ring(steps + 1, limit);
        }
    }

    private static final Next NEXT = new Next();
    private static final Finish FINISH = new Finish();

    private RingMachine() {
    }

    /** @param onDone runs on the group's context when a machine reaches DONE */
    public static MachineDefinition<State, Event, Ring> definition(Runnable onDone) {
        var builder = MachineDefinition.builder("bench-ring", State.class, Event.class, Ring.class).initial(State.R0);
        State[] ring = {State.R0, State.R1, State.R2, State.R3, State.R4};
        for (int i = 0; i < ring.length; i++) {
            builder.on(Next.class).from(ring[i]).to(ring[(i + 1) % ring.length]).action((ring1, next) -> ring1.step());
            builder.state(ring[i], s -> s.onEntry((data, ctx) ->
                    Future.succeededFuture(data.steps() >= data.limit() ? FINISH : NEXT)));
        }
        return builder
                .on(Finish.class).fromMany(State.R0, State.R1, State.R2, State.R3, State.R4).to(State.DONE)
                .state(State.DONE, s -> s.terminal().onEntry((data, ctx) -> {
                    onDone.run();
                    return Future.succeededFuture();
                }))
                .build();
    }

    /** A ring that never finishes on its own: its states' handlers do nothing (for the recovery benchmark). */
    public static MachineDefinition<State, Event, Ring> idle() {
        var builder = MachineDefinition.builder("bench-ring", State.class, Event.class, Ring.class).initial(State.R0);
        return builder.on(Next.class).from(State.R0).to(State.R1)
                .state(State.DONE, StateBuilder::terminal)
                .build();
    }
}
