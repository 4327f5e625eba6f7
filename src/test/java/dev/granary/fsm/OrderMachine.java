package dev.granary.fsm;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small machine covering every DSL form, for the engine's tests. */
final class OrderMachine {
    enum State { NEW, PAYING, PAID, SHIPPING, DONE, CANCELLED, FAILED }

    sealed interface Event {
    }

    record Pay(long amount) implements Event {
    }

    record PaymentConfirmed() implements Event {
    }

    record PaymentTimedOut() implements Event {
    }

    record Ship() implements Event {
    }

    record Shipped(String tracking) implements Event {
    }

    record Cancel(String why) implements Event {
    }

    record Note(String text) implements Event {
    }

    record Seen() implements Event {
    }

    record Ping() implements Event {
    }

    record Restart() implements Event {
    }

    record ForceState(State state) implements Event {
    }

    record HandlerFailed(String message) implements Event {
    }

    record Order(long amount, String tracking, List<String> notes, int shipAttempts) {
        Order withNote(String note) {
            List<String> more = new ArrayList<>(notes);
            more.add(note);
            return new Order(amount, tracking, List.copyOf(more), shipAttempts);
        }
    }

    static Order empty() {
        return new Order(0, null, List.of(), 0);
    }

    /** What the handlers did, for assertions; the tests own it. */
    static final class Probe {
        final List<String> entries = new ArrayList<>();
        int shipFailuresLeft;
        boolean shipHangs;
        boolean behaviorCancelled;
        MachineContext<State, Event, Order> behaviorContext;
    }

    static MachineDefinition<State, Event, Order> definition(Probe probe) {
        return MachineDefinition.builder("order", State.class, Event.class, Order.class)
                .initial(State.NEW)
                .on(Pay.class).from(State.NEW).to(State.PAYING)
                    .action((order, pay) -> new Order(pay.amount(), null, order.notes(), 0))
                    .guard((order, pay) -> pay.amount() > 0, "amount must be positive")
                .on(PaymentConfirmed.class).from(State.PAYING).to(State.PAID)
                .on(PaymentTimedOut.class).from(State.PAYING).to(State.FAILED)
                .on(Ship.class).from(State.PAID).to(State.SHIPPING)
                .on(Shipped.class).from(State.SHIPPING).to(State.DONE)
                    .action((order, shipped) -> new Order(order.amount(), shipped.tracking(), order.notes(), order.shipAttempts()))
                .on(Cancel.class).fromMany(State.NEW, State.PAYING, State.PAID).to(State.CANCELLED)
                .on(Note.class).fromAny().toNoChange().action((order, note) -> order.withNote(note.text()))
                .on(Note.class).from(State.SHIPPING).toJustRecord()
                .on(Seen.class).fromAny().toJustRecord()
                .on(HandlerFailed.class).from(State.SHIPPING).to(State.FAILED)
                .global(Restart.class).reenter()
                .global(ForceState.class).toStateOf(ForceState::state)
                .ignorable(Ping.class)
                .state(State.NEW, s -> s.onEntry((order, ctx) -> {
                    probe.entries.add("NEW");
                    return Future.succeededFuture();
                }))
                .state(State.PAYING, s -> s
                        .onEntry((order, ctx) -> {
                            probe.entries.add("PAYING" + (ctx.resumed() ? "(resumed)" : ""));
                            return Future.succeededFuture();
                        })
                        .timeout(Duration.ofSeconds(30), order -> new PaymentTimedOut()))
                .state(State.PAID, s -> s.onEntry((order, ctx) -> {
                    probe.entries.add("PAID");
                    return Future.succeededFuture(new Ship());
                }))
                .state(State.SHIPPING, s -> s
                        .onEntry((order, ctx) -> {
                            probe.entries.add("SHIPPING#" + ctx.attempt());
                            if (probe.shipHangs) {
                                return Future.future(p -> { });
                            }
                            if (probe.shipFailuresLeft > 0) {
                                probe.shipFailuresLeft--;
                                return Future.failedFuture(new IllegalStateException("carrier down"));
                            }
                            return Future.succeededFuture();
                        })
                        .retry(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 2))
                        .behavior((order, ctx) -> {
                            probe.behaviorContext = ctx;
                            return () -> probe.behaviorCancelled = true;
                        }))
                .state(State.DONE, s -> s.terminal().onEntry((order, ctx) -> {
                    probe.entries.add("DONE");
                    return Future.succeededFuture();
                }))
                .state(State.CANCELLED, StateBuilder::terminal)
                .state(State.FAILED, StateBuilder::terminal)
                .onHandlerFailure((state, order, error) -> state == State.SHIPPING ? new HandlerFailed(error.getMessage()) : null)
                .build();
    }
}
