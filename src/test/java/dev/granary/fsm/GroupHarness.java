package dev.granary.fsm;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** An order group on a manual clock and an in-memory store, driven from a JUnit thread. */
final class GroupHarness {
    static final long START = 1_000_000L;

    final Vertx vertx;
    final OrderMachine.Probe probe = new OrderMachine.Probe();
    final InMemoryMachineStore store;
    final ManualScheduler clock = new ManualScheduler(START);
    final MachineGroup<OrderMachine.State, OrderMachine.Event, OrderMachine.Order> group;

    GroupHarness(Vertx vertx) {
        this(vertx, new InMemoryMachineStore());
    }

    GroupHarness(Vertx vertx, InMemoryMachineStore store) {
        this.vertx = vertx;
        this.store = store;
        this.group = MachineGroup.create(vertx, OrderMachine.definition(probe),
                new GroupOptions<>(store, DataCodec.json(OrderMachine.Order.class), clock, null));
    }

    /** Sends and waits until the context has also run what followed (the new state's handler, say). */
    Outcome send(String id, OrderMachine.Event event) throws Exception {
        Outcome outcome = group.send(id, event).await(5, TimeUnit.SECONDS);
        settle();
        return outcome;
    }

    void create(String id) throws Exception {
        group.create(id, OrderMachine.State.NEW, OrderMachine.empty()).await(5, TimeUnit.SECONDS);
        settle();
    }

    OrderMachine.State state(String id) throws Exception {
        return group.find(id).await(5, TimeUnit.SECONDS).orElseThrow().state();
    }

    OrderMachine.Order data(String id) throws Exception {
        return group.find(id).await(5, TimeUnit.SECONDS).orElseThrow().data();
    }

    /** Moves the manual clock on the group's context, so timers fire where the machines live. */
    void advance(long millis) throws Exception {
        onContext(() -> {
            clock.advance(millis);
            return null;
        });
        settle();
    }

    /** Waits until everything queued on the group's context so far has run. */
    void settle() throws Exception {
        onContext(() -> null);
    }

    <T> T onContext(Callable<T> work) throws Exception {
        Promise<T> promise = Promise.promise();
        group.context().runOnContext(v -> {
            try {
                promise.complete(work.call());
            } catch (Exception e) {
                promise.fail(e);
            }
        });
        return promise.future().await(5, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(5, TimeUnit.SECONDS);
    }
}
