package dev.granary.store;

import dev.granary.store.impl.Migration;
import dev.granary.store.impl.MigrationFiles;
import dev.granary.store.impl.Migrator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.granary.store.Await.await;
import static dev.granary.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every behaviour the store promises, written once and run against each backend by a subclass that
 * supplies an empty database of the test's own.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class StoreContract {
    protected Vertx vertx;
    private final List<Store> openStores = new ArrayList<>();

    /** A config for an empty database belonging to the current test only. */
    protected abstract StoreConfig config();

    /** The file the embedded backend uses; ignored by Postgres. */
    protected abstract Path sqliteFile();

    protected abstract Dialect expectedDialect();

    protected abstract String expectedDescription();

    /** Removes the test's database once its stores are closed. */
    protected void dropDatabase() throws Exception {
    }

    @BeforeEach
    final void bindVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    @AfterEach
    final void closeStoresThenDrop() throws Exception {
        for (Store store : openStores) {
            await(store.close());
        }
        openStores.clear();
        dropDatabase();
    }

    protected Store open() throws Exception {
        return open(Migrator.DEFAULT_FOLDER);
    }

    protected Store open(String migrations) throws Exception {
        Store store = await(Store.open(vertx, config(), sqliteFile(), null, migrations));
        openStores.add(store);
        return store;
    }

    protected void close(Store store) throws Exception {
        openStores.remove(store);
        await(store.close());
    }

    /** The migrations this build ships, in order. */
    protected static List<Migration> shipped() throws Exception {
        return MigrationFiles.load(StoreContract.class.getClassLoader(), Migrator.DEFAULT_FOLDER);
    }

    protected static int latestVersion() throws Exception {
        return shipped().size();
    }

    protected static long count(SqlRunner db, String table) throws Exception {
        return await(db.execute("SELECT COUNT(*) AS n FROM " + table)).iterator().next().getLong("n");
    }

    // ---- migrations

    @Test
    void migrationsCreateTheSchemaAndRecordEveryVersion() throws Exception {
        Store store = open();
        List<Migration> shipped = shipped();

        assertEquals(shipped.size(), store.schemaVersion());
        assertEquals(0, count(store, "node_meta"));
        assertEquals(0, count(store, "fsm_machine"));
        assertEquals(0, count(store, "fsm_log"));
        List<Row> rows = new ArrayList<>();
        await(store.execute("SELECT version, name, checksum, applied_at FROM schema_version ORDER BY version")).forEach(rows::add);
        assertEquals(shipped.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertEquals(i + 1L, row.getLong("version"));
            assertEquals(shipped.get(i).name(), row.getString("name"));
            assertEquals(sha256OfResource("db/migrations/" + shipped.get(i).fileName()), row.getString("checksum"));
            assertTrue(row.getLong("applied_at") > 1_600_000_000_000L, "applied_at is epoch milliseconds");
        }
        assertEquals("node_meta", rows.get(0).getString("name"));
    }

    @Test
    void reopeningAppliesNothingAndKeepsData() throws Exception {
        Store first = open();
        await(new MetaRepository(first).put("identity", "f01234"));
        String appliedAt = "SELECT applied_at FROM schema_version WHERE version = 1";
        long firstAppliedAt = await(first.execute(appliedAt)).iterator().next().getLong("applied_at");
        close(first);

        Store second = open();

        assertEquals(latestVersion(), second.schemaVersion());
        assertEquals(latestVersion(), count(second, "schema_version"));
        assertEquals(firstAppliedAt, await(second.execute(appliedAt)).iterator().next().getLong("applied_at"));
        assertEquals(Optional.of("f01234"), await(new MetaRepository(second).get("identity")));
    }

    @Test
    void changedMigrationIsRefusedNamingTheFile() throws Exception {
        close(open());

        Throwable refused = failure(Store.open(vertx, config(), sqliteFile(), null, "db-test/changed"));

        assertTrue(refused.getMessage().contains("V001__node_meta.sql"), refused.getMessage());
        assertTrue(refused.getMessage().contains("changed"), refused.getMessage());
        assertEquals(latestVersion(), open().schemaVersion(), "the refused open must not have touched the database");
    }

    @Test
    void brokenMigrationRollsBackCompletely() throws Exception {
        Throwable failed = failure(Store.open(vertx, config(), sqliteFile(), null, "db-test/broken"));
        assertTrue(failed.getMessage().contains("V002__broken.sql"), failed.getMessage());
        assertTrue(failed.getMessage().contains("statement 3"), failed.getMessage());

        Store store = open();

        // the shipped set then applies its own V002 where the broken one left nothing behind
        assertEquals(latestVersion(), store.schemaVersion());
        List<String> names = new ArrayList<>();
        await(store.execute("SELECT name FROM schema_version ORDER BY version")).forEach(row -> names.add(row.getString("name")));
        assertEquals(shipped().stream().map(Migration::name).toList(), names);
        Throwable noTable = failure(store.execute("SELECT COUNT(*) FROM partial_table"));
        assertTrue(noTable.getMessage().toLowerCase().contains("partial_table"), noTable.getMessage());
    }

    @Test
    void portableTypeTokensWorkOnThisBackend() throws Exception {
        Store store = open("db-test/types");
        assertEquals(2, store.schemaVersion());
        byte[] bytes = {0, 1, 2, (byte) 0xff, 0x7f};
        long big = 1L << 40;

        await(store.execute("INSERT INTO blob_thing (data, size) VALUES (?, ?)", Tuple.of(Buffer.buffer(bytes), big)));
        await(store.execute("INSERT INTO blob_thing (data, size) VALUES (?, ?)", Tuple.of(Buffer.buffer(new byte[0]), 0L)));

        List<Row> rows = new ArrayList<>();
        await(store.execute("SELECT id, data, size, note FROM blob_thing ORDER BY id")).forEach(rows::add);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getLong("id") < rows.get(1).getLong("id"), "ids are generated in order");
        assertEquals(Buffer.buffer(bytes), rows.get(0).getBuffer("data"));
        assertEquals(big, rows.get(0).getLong("size"));
        assertEquals("a;b?", rows.get(0).getString("note"));
    }

    // ---- MetaRepository

    @Test
    void metaGetPutAndUpsert() throws Exception {
        MetaRepository meta = new MetaRepository(open());

        assertEquals(Optional.empty(), await(meta.get("absent")));
        await(meta.put("miner", "f01000"));
        assertEquals(Optional.of("f01000"), await(meta.get("miner")));
        await(meta.put("miner", "f02000"));
        assertEquals(Optional.of("f02000"), await(meta.get("miner")));
        assertEquals(Map.of("miner", "f02000"), await(meta.all()));
    }

    @Test
    void metaPutIfAbsentOnlySetsOnce() throws Exception {
        MetaRepository meta = new MetaRepository(open());

        assertTrue(await(meta.putIfAbsent("first-start", "1")));
        assertFalse(await(meta.putIfAbsent("first-start", "2")));
        assertEquals(Optional.of("1"), await(meta.get("first-start")));
    }

    @Test
    void metaAllIsSortedAndComplete() throws Exception {
        MetaRepository meta = new MetaRepository(open());
        await(meta.put("b", "2"));
        await(meta.put("a", "1"));
        await(meta.put("c", ""));

        Map<String, String> all = await(meta.all());

        assertEquals(List.of("a", "b", "c"), List.copyOf(all.keySet()));
        assertEquals(Map.of("a", "1", "b", "2", "c", ""), all);
    }

    @Test
    void metaKeepsUnicodeAndBoundarySizes() throws Exception {
        MetaRepository meta = new MetaRepository(open());
        String key = "k".repeat(MetaRepository.MAX_KEY_CHARS);
        String value = "ü".repeat(MetaRepository.MAX_VALUE_BYTES / 2); // 2 bytes each in UTF-8
        String emoji = "graine 🌾 ✓ ''quoted'' ?";

        await(meta.put(key, value));
        await(meta.put("emoji", emoji));

        assertEquals(Optional.of(value), await(meta.get(key)));
        assertEquals(Optional.of(emoji), await(meta.get("emoji")));
    }

    @Test
    void metaRejectsOversizedAndEmptyInput() throws Exception {
        MetaRepository meta = new MetaRepository(open());
        String longKey = "k".repeat(MetaRepository.MAX_KEY_CHARS + 1);
        String bigValue = "ü".repeat(MetaRepository.MAX_VALUE_BYTES / 2) + "x";

        assertRejected(meta.put(longKey, "v"), "201 characters");
        assertRejected(meta.putIfAbsent(longKey, "v"), "201 characters");
        assertRejected(meta.get(longKey), "201 characters");
        assertRejected(meta.put("big", bigValue), "65537 bytes");
        assertRejected(meta.put("", "v"), "must not be empty");
        assertRejected(meta.put(null, "v"), "must not be empty");
        assertRejected(meta.put("k", null), "must not be null");
        assertEquals(Map.of(), await(meta.all()), "nothing rejected may be stored");
    }

    private static void assertRejected(Future<?> future, String reason) throws Exception {
        Throwable rejected = failure(future);
        assertInstanceOf(IllegalArgumentException.class, rejected);
        assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
    }

    // ---- transactions

    @Test
    void transactionCommitsOnSuccess() throws Exception {
        Store store = open();

        int result = await(store.inTransaction(tx -> {
            MetaRepository meta = new MetaRepository(tx);
            return meta.put("a", "1").compose(v -> meta.put("b", "2")).map(v -> 42);
        }));

        assertEquals(42, result);
        assertEquals(Map.of("a", "1", "b", "2"), await(new MetaRepository(store).all()));
    }

    @Test
    void transactionRollsBackOnFailure() throws Exception {
        Store store = open();
        await(new MetaRepository(store).put("kept", "before"));

        Throwable failed = failure(store.inTransaction(tx -> {
            MetaRepository meta = new MetaRepository(tx);
            return meta.put("kept", "after")
                    .compose(v -> meta.put("new", "x"))
                    .compose(v -> meta.get("new"))
                    .compose(seen -> {
                        assertEquals(Optional.of("x"), seen, "a transaction sees its own writes");
                        return Future.failedFuture(new IllegalStateException("boom"));
                    });
        }));

        assertEquals("boom", failed.getMessage());
        assertEquals(Map.of("kept", "before"), await(new MetaRepository(store).all()));
    }

    @Test
    void transactionRollsBackWhenWorkThrows() throws Exception {
        Store store = open();

        Throwable failed = failure(store.inTransaction(tx -> {
            new MetaRepository(tx).put("a", "1");
            throw new IllegalStateException("thrown, not returned");
        }));

        assertEquals("thrown, not returned", failed.getMessage());
        assertEquals(Map.of(), await(new MetaRepository(store).all()));
        assertEquals(Optional.empty(), await(new MetaRepository(store).get("a")));
    }

    // ---- concurrency

    @Test
    void fiftyConcurrentPutsAllLand() throws Exception {
        MetaRepository meta = new MetaRepository(open());

        List<Future<Void>> puts = IntStream.range(0, 50).mapToObj(i -> meta.put("key-" + i, "value-" + i)).toList();
        await(Future.all(puts));

        Map<String, String> all = await(meta.all());
        assertEquals(50, all.size());
        IntStream.range(0, 50).forEach(i -> assertEquals("value-" + i, all.get("key-" + i)));
    }

    @Test
    void concurrentPutIfAbsentHasExactlyOneWinner() throws Exception {
        MetaRepository meta = new MetaRepository(open());

        List<Future<Boolean>> attempts = IntStream.range(0, 50).mapToObj(i -> meta.putIfAbsent("leader", "node-" + i)).toList();
        await(Future.all(attempts));

        List<Integer> winners = IntStream.range(0, 50).filter(i -> attempts.get(i).result()).boxed().toList();
        assertEquals(1, winners.size(), "winners: " + winners);
        assertEquals(Optional.of("node-" + winners.get(0)), await(meta.get("leader")));
    }

    // ---- the rest of the SqlRunner surface

    @Test
    void batchRunsEveryTupleAndEmptyBatchFails() throws Exception {
        Store store = open();
        String insert = "INSERT INTO node_meta (key, value, updated_at) VALUES (?, ?, ?)";

        await(store.executeBatch(insert, List.of(Tuple.of("x", "1", 1L), Tuple.of("y", "2", 2L), Tuple.of("z", "3", 3L))));

        assertEquals(3, count(store, "node_meta"));
        assertTrue(failure(store.executeBatch(insert, List.of())).getMessage().contains("at least one tuple"));
    }

    @Test
    void numbersReadBackAsLongWhateverTheDriverReturns() throws Exception {
        Store store = open();
        long millis = 1_750_000_000_123L; // beyond int range, like every updated_at
        await(store.execute("INSERT INTO node_meta (key, value, updated_at) VALUES (?, ?, ?)", Tuple.of("t", "v", millis)));

        Row row = await(store.execute("SELECT updated_at, COUNT(*) AS n, 7 AS small FROM node_meta GROUP BY updated_at"))
                .iterator().next();

        assertEquals(millis, row.getLong("updated_at"));
        assertEquals(1L, row.getLong("n"));
        assertEquals(7L, row.getLong("small"));
        assertEquals(7, row.getInteger("small"));
    }

    @Test
    void identifiesItsBackend() throws Exception {
        Store store = open();

        assertEquals(expectedDialect(), store.dialect());
        assertEquals(expectedDescription(), store.describe());
        assertNotNull(store.pool());
    }

    @Test
    void reportsMetricsAndRemovesThemOnClose() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Store store = await(Store.open(vertx, config(), sqliteFile(), registry));
        await(new MetaRepository(store).put("a", "1"));
        failure(store.execute("SELECT * FROM no_such_table"));

        String backend = expectedDialect().name().toLowerCase();
        assertEquals(latestVersion(), registry.get(StoreMetrics.SCHEMA_VERSION).tag("backend", backend).gauge().value());
        assertTrue(registry.get(StoreMetrics.STATEMENTS).tag("outcome", "success").timer().count() >= 1);
        assertEquals(1, registry.get(StoreMetrics.STATEMENTS).tag("outcome", "failure").timer().count());

        await(store.close());
        assertTrue(registry.getMeters().isEmpty(), "meters left after close: " + registry.getMeters());
    }

    private static String sha256OfResource(String resource) throws Exception {
        try (InputStream in = StoreContract.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
