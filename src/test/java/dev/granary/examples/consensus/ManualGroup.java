package dev.granary.examples.consensus;

import dev.granary.fsm.DataCodec;
import dev.granary.fsm.GroupOptions;
import dev.granary.fsm.MachineDefinition;
import dev.granary.fsm.MachineGroup;
import dev.granary.fsm.MachineStore;
import dev.granary.fsm.ManualScheduler;
import dev.granary.fsm.Outcome;
import dev.granary.fsm.Snapshot;
import dev.granary.fsm.TransitionEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A consensus machine group on a context this test owns, with a hand-driven clock: state timeouts fire
 * only when {@link #advance} says so. Providers hang, so behaviors never move a machine on their own.
 */
final class ManualGroup implements AutoCloseable {
    static final Timing TIMING = Timing.SEED;
    static final int MINIMUM_PROVERS = 3;

    final Vertx vertx = Vertx.vertx();
    final HangingApp app = new HangingApp();
    final MachineDefinition<ConsensusState, ConsensusEvent, RoundData> definition;
    final List<TransitionEvent<ConsensusState, ConsensusEvent, RoundData>> transitions = new CopyOnWriteArrayList<>();
    private final Context context = vertx.getOrCreateContext();
    private final ManualScheduler clock = new ManualScheduler(0);
    private final MachineGroup<ConsensusState, ConsensusEvent, RoundData> group;

    ManualGroup() throws Exception {
        ConsensusSettings settings = new ConsensusSettings("self", TIMING, () -> MINIMUM_PROVERS);
        definition = ConsensusMachine.definition(settings, ConsensusProviders.of(app));
        group = onContext(() -> MachineGroup.create(vertx, definition,
                new GroupOptions<>(MachineStore.none(), DataCodec.json(RoundData.class), clock, null)));
        group.listen(transitions::add);
    }

    private MachineGroup<ConsensusState, ConsensusEvent, RoundData> group() {
        return group;
    }

    /**
     * Data with which no behavior acts before its providers answer: operations collected (proving and the
     * liveness check need them) and a proposal to vote on.
     */
    static RoundData midRound() {
        Frame genesis = Frame.genesis();
        Ops ops = new Ops(1, "self", "ops");
        return RoundData.genesis(genesis).collectedFor(ops, List.of()).withProposal("peer", Frame.next(genesis, ops, "peer"));
    }

    void create(String id, ConsensusState state, RoundData data) throws Exception {
        group.create(id, state, data).await(5, TimeUnit.SECONDS);
    }

    Outcome send(String id, ConsensusEvent event) throws Exception {
        return group.send(id, event).await(5, TimeUnit.SECONDS);
    }

    Snapshot<ConsensusState, RoundData> snapshot(String id) throws Exception {
        return group.find(id).await(5, TimeUnit.SECONDS).orElseThrow();
    }

    /** Moves the clock on the group's context, firing the timeouts that fall due. */
    void advance(Duration time) throws Exception {
        onContext(() -> {
            clock.advance(time.toMillis());
            return null;
        });
    }

    /** Transitions of {@code id} so far (its creation excluded). */
    List<TransitionEvent<ConsensusState, ConsensusEvent, RoundData>> of(String id) {
        return transitions.stream().filter(t -> t.id().equals(id) && t.event() != null).toList();
    }

    private <T> T onContext(Supplier<T> work) throws Exception {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future().await(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }
}
