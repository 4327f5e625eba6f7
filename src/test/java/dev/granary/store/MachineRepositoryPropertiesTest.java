package dev.granary.store;

import dev.granary.fsm.InMemoryMachineStore;
import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineRecord;
import dev.granary.fsm.MachineStore;
import dev.granary.fsm.MachineWrite;
import io.vertx.core.Vertx;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.granary.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any history of batches leaves the SQLite repository exactly as it leaves {@link InMemoryMachineStore},
 * the reference semantics of the port: same records, same active sets and state lists in the same
 * order, same logs after trimming.
 */
class MachineRepositoryPropertiesTest {
    private static final List<String> TYPES = List.of("deal", "sector");
    /** Ids whose String order is their byte order (nothing beyond U+D7FF), so both stores sort alike. */
    private static final List<String> IDS = List.of("a", "a b", "b", "m-1", "m-10", "m-2", "Z", "ü", "λx", "i".repeat(256));
    private static final List<String> STATES = List.of("new", "waiting", "sealing", "done", "s".repeat(64));

    private static Vertx vertx;
    private static Path folder;
    private static final AtomicInteger databases = new AtomicInteger();

    /** One machine write before numbering: the history assigns seq and version per machine. */
    record Op(String type, String id, String state, boolean terminal, String data, Long deadline, long updatedAt,
              int logLimit, Entry entry) {
    }

    record Entry(long at, String event, String from, String to, String outcome, String detail) {
    }

    @BeforeContainer
    static void start() throws IOException {
        vertx = Vertx.vertx();
        folder = Files.createTempDirectory("granary-fsm-properties");
    }

    @AfterContainer
    static void stop() throws Exception {
        await(vertx.close());
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 50)
    void anyHistoryLeavesTheRepositoryEqualToTheInMemoryStore(@ForAll("histories") List<List<Op>> history) throws Exception {
        Store store = await(Store.open(vertx, new StoreConfig("", 1),
                folder.resolve("try-" + databases.incrementAndGet() + ".db"), null));
        try {
            MachineRepository repo = new MachineRepository(store);
            InMemoryMachineStore reference = new InMemoryMachineStore();
            Map<String, Long> seqs = new HashMap<>();

            for (List<Op> ops : history) {
                List<MachineWrite> batch = new ArrayList<>();
                for (Op op : ops) {
                    long seq = seqs.merge(op.type() + "/" + op.id(), 1L, Long::sum);
                    batch.add(write(op, seq));
                }
                await(repo.write(batch));
                await(reference.write(batch));
            }

            assertSame(reference, repo);
        } finally {
            await(store.close());
        }
    }

    private static MachineWrite write(Op op, long seq) {
        MachineRecord machine = new MachineRecord(op.type(), op.id(), op.state(), op.data(), seq, seq, op.terminal(),
                op.deadline(), op.updatedAt());
        Entry e = op.entry();
        return new MachineWrite(machine, new LogEntry(seq, e.at(), e.event(), e.from(), e.to(), e.outcome(), e.detail()),
                op.logLimit());
    }

    private static void assertSame(MachineStore expected, MachineStore actual) throws Exception {
        for (String type : TYPES) {
            assertEquals(await(expected.loadActive(type)), await(actual.loadActive(type)), "loadActive " + type);
            for (String id : IDS) {
                assertEquals(await(expected.load(type, id)), await(actual.load(type, id)), "load " + type + "/" + id);
                assertEquals(await(expected.log(type, id)), await(actual.log(type, id)), "log " + type + "/" + id);
            }
            for (String state : STATES) {
                for (int limit : new int[] {1, 3, 1000}) {
                    assertEquals(await(expected.listByState(type, state, limit)), await(actual.listByState(type, state, limit)),
                            "listByState " + type + " " + state + " " + limit);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<List<Op>>> histories() {
        return ops().list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(8);
    }

    private static Arbitrary<Op> ops() {
        Arbitrary<String> data = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(30),
                Arbitraries.of("", "{}", "graine 🌾 ✓", "{\"a\":[1,2,{\"b\":null}]}", "\\\"\n\u0001"));
        Arbitrary<Long> deadline = Arbitraries.longs().injectNull(0.3);
        return Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(IDS), Arbitraries.of(STATES),
                        Arbitraries.of(true, false), data, deadline, Arbitraries.longs(), entries())
                .flatAs((type, id, state, terminal, text, due, updatedAt, entry) -> Arbitraries.integers().between(1, 4)
                        .map(limit -> new Op(type, id, state, terminal, text, due, updatedAt, limit, entry)));
    }

    private static Arbitrary<Entry> entries() {
        Arbitrary<String> state = Arbitraries.of(STATES).injectNull(0.2);
        Arbitrary<String> detail = Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(20).injectNull(0.5);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of("create", "advance", "fail"), state, state,
                        Arbitraries.of(LogEntry.APPLIED, LogEntry.REJECTED, LogEntry.STALE, LogEntry.ERROR), detail)
                .as(Entry::new);
    }
}
