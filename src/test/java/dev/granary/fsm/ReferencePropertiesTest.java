package dev.granary.fsm;

import io.vertx.core.Vertx;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For random event sequences the engine reaches what a naive reading of the table says, and a group reloaded
 * from the store after any prefix carries on to the same result.
 */
class ReferencePropertiesTest {
    enum S { A, B, C, D, DONE, DEAD }

    sealed interface Ev {
    }

    record Go(int by) implements Ev {
    }

    record Back() implements Ev {
    }

    record Bump(int by) implements Ev {
    }

    record Mark() implements Ev {
    }

    record Force(S to) implements Ev {
    }

    record Again() implements Ev {
    }

    record Noise() implements Ev {
    }

    record Finish() implements Ev {
    }

    record Counter(long total, int marks) {
    }

    static final MachineDefinition<S, Ev, Counter> DEFINITION = MachineDefinition.builder("reference", S.class, Ev.class, Counter.class)
            .on(Go.class).from(S.A).to(S.B).action((c, e) -> new Counter(c.total() + e.by(), c.marks()))
            .on(Go.class).from(S.B).to(S.C).guard((c, e) -> e.by() % 2 == 0, "odd step")
            .on(Go.class).fromMany(S.C, S.D).to(S.A)
            .on(Back.class).fromAny().to(S.A)
            .on(Back.class).from(S.A).toJustRecord()
            .on(Bump.class).fromAny().toNoChange().action((c, e) -> new Counter(c.total() * 31 + e.by(), c.marks()))
            .on(Mark.class).from(S.B).toNoChange().action((c, e) -> new Counter(c.total(), c.marks() + 1)).guard(c -> c.marks() < 3)
            .on(Finish.class).fromMany(S.C, S.D).to(S.DONE)
            .on(Finish.class).from(S.A).to(S.DEAD)
            .global(Force.class).toStateOf(Force::to)
            .global(Again.class).reenter()
            .ignorable(Noise.class)
            .state(S.DONE, StateBuilder::terminal)
            .state(S.DEAD, StateBuilder::terminal)
            .build();

    static Vertx vertx;

    @BeforeContainer
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterContainer
    static void stop() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    /** The table read row by row, independently of MachineDefinition.find. */
    record Ref(S state, Counter data) {
        Ref apply(Ev event) {
            if (state == S.DONE || state == S.DEAD) {
                return this;
            }
            Transition<S, Ev, Counter> chosen = null;
            for (Transition<S, Ev, Counter> row : DEFINITION.table()) {
                if (row.event() == event.getClass() && row.sources().contains(state)) {
                    chosen = row;
                }
            }
            if (chosen == null) {
                for (Transition<S, Ev, Counter> row : DEFINITION.table()) {
                    if (row.event() == event.getClass() && row.sources().isEmpty()) {
                        chosen = row;
                    }
                }
            }
            if (chosen == null || !chosen.guard().test(data, event)) {
                return this;
            }
            return new Ref(chosen.targetFrom(state, event), chosen.action().apply(data, event));
        }
    }

    @Provide
    Arbitrary<List<Ev>> events() {
        Arbitrary<Ev> one = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 9).map(Go::new),
                Arbitraries.just(new Back()),
                Arbitraries.integers().between(-5, 5).map(Bump::new),
                Arbitraries.just(new Mark()),
                Arbitraries.of(S.class).map(Force::new),
                Arbitraries.just(new Again()),
                Arbitraries.just(new Noise()),
                Arbitraries.just(new Finish()));
        return one.list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void engineMatchesTheReferenceInterpretation(@ForAll("events") List<Ev> events) throws Exception {
        var group = MachineGroup.create(vertx, DEFINITION, new InMemoryMachineStore());
        Ref expected = run(group, "m", events, new Ref(S.A, new Counter(0, 0)), true);
        var actual = group.find("m").await(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals(expected, new Ref(actual.state(), actual.data()));
    }

    @Property(tries = 200)
    void reloadingAfterAnyPrefixGivesTheSameResult(@ForAll("events") List<Ev> events,
                                                   @ForAll("fractions") double cut) throws Exception {
        int split = (int) Math.floor(events.size() * cut);
        InMemoryMachineStore store = new InMemoryMachineStore();
        var first = MachineGroup.create(vertx, DEFINITION, store);
        Ref afterPrefix = run(first, "m", events.subList(0, split), new Ref(S.A, new Counter(0, 0)), true);
        first.close().await(5, TimeUnit.SECONDS);

        var second = MachineGroup.create(vertx, DEFINITION, store);
        second.load().await(5, TimeUnit.SECONDS);
        var reloaded = second.find("m").await(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals(afterPrefix, new Ref(reloaded.state(), reloaded.data()), "reloaded state and data");
        Ref expected = run(second, "m", events.subList(split, events.size()), afterPrefix, false);
        var actual = second.find("m").await(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals(expected, new Ref(actual.state(), actual.data()));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    private static Ref run(MachineGroup<S, Ev, Counter> group, String id, List<Ev> events, Ref start, boolean create) throws Exception {
        if (create) {
            group.create(id, S.A, start.data()).await(5, TimeUnit.SECONDS);
        }
        Ref expected = start;
        for (Ev event : events) {
            group.send(id, event).await(5, TimeUnit.SECONDS);
            expected = expected.apply(event);
        }
        return expected;
    }
}
