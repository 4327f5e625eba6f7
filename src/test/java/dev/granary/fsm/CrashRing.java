package dev.granary.fsm;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The crash test's machine: a five-state ring whose handlers answer after a short random delay, so that
 * a kill lands with machines spread over every state and writes in flight. Each Next moves one state and
 * bumps the step counter, so state and data must always agree: state R(steps mod 5).
 */
final class CrashRing {
    enum State { R0, R1, R2, R3, R4, DONE }

    sealed interface Event {
    }

    record Next() implements Event {
    }

    record Finish() implements Event {
    }

    record Progress(int steps, int limit) {
    }

    static final int LOG_LIMIT = 1_000;

    private CrashRing() {
    }

    /** @param maxDelayMillis 0 answers at once */
    static MachineDefinition<State, Event, Progress> definition(int maxDelayMillis, Runnable onDone) {
        var builder = MachineDefinition.builder("crash-ring", State.class, Event.class, Progress.class).logLimit(LOG_LIMIT);
        State[] ring = {State.R0, State.R1, State.R2, State.R3, State.R4};
        for (int i = 0; i < ring.length; i++) {
            builder.on(Next.class).from(ring[i]).to(ring[(i + 1) % ring.length])
                    .action((p, next) -> new Progress(p.steps() + 1, p.limit()));
            builder.state(ring[i], s -> s.onEntry((p, ctx) -> {
                Event next = p.steps() >= p.limit() ? new Finish() : new Next();
                if (maxDelayMillis == 0) {
                    return Future.succeededFuture(next);
                }
                Promise<Event> later = Promise.promise();
                ctx.vertx().setTimer(1 + ThreadLocalRandom.current().nextInt(maxDelayMillis), id -> later.complete(next));
                return later.future();
            }));
        }
        return builder.on(Finish.class).fromMany(State.R0, State.R1, State.R2, State.R3, State.R4).to(State.DONE)
                .state(State.DONE, s -> s.terminal().onEntry((p, ctx) -> {
                    onDone.run();
                    return Future.succeededFuture();
                }))
                .build();
    }
}
