package dev.granary.cli;

import dev.granary.bench.BenchResult;
import dev.granary.bench.FsmBenchmark;
import dev.granary.store.Store;
import dev.granary.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Command(name = "fsm", mixinStandardHelpOptions = true,
        description = {"FSM engine: in-memory transitions/s on one context, persisted transitions/s next to the store's",
                "raw single-row upserts at the same concurrency (SQLite and Postgres), and recovery time."})
public final class FsmBenchCommand implements Callable<Integer> {
    @Option(names = "--machines", defaultValue = "1000", description = "In-memory: machines (default ${DEFAULT-VALUE}).")
    int machines;

    @Option(names = "--steps", defaultValue = "1000", description = "In-memory: transitions per machine (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--concurrency", defaultValue = "64", description = "Persisted: machines in flight = raw upsert loops (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--persisted-steps", defaultValue = "300", description = "Persisted: transitions per machine (default ${DEFAULT-VALUE}).")
    int persistedSteps;

    @Option(names = "--raw-ops", defaultValue = "100", description = "Raw: upserts per loop (default ${DEFAULT-VALUE}).")
    int rawOps;

    @Option(names = "--recovery", defaultValue = "100000", description = "Recovery: running machines to reload (default ${DEFAULT-VALUE}).")
    int recovery;

    @Option(names = "--pg-url", defaultValue = "postgres://postgres@127.0.0.1:5432/granary_bench",
            description = "Postgres to measure on (default ${DEFAULT-VALUE}); bench rows are removed before and after.")
    String pgUrl;

    @Option(names = "--no-pg", description = "Skip the Postgres measurements.")
    boolean noPg;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("granary-bench");
        List<BenchResult> results = new ArrayList<>();
        try {
            FsmBenchmark bench = new FsmBenchmark(vertx);
            report(results, bench.inMemory(machines, steps));
            Store sqlite = Store.open(vertx, new StoreConfig("", 1), dir.resolve("bench.db"), null).await(1, TimeUnit.MINUTES);
            measureStore(bench, "sqlite", sqlite, results);
            if (!noPg) {
                Store pg = Store.open(vertx, new StoreConfig(pgUrl, concurrencyPool()), null, null).await(1, TimeUnit.MINUTES);
                clean(pg);
                measureStore(bench, "postgres", pg, results);
            }
        } finally {
            vertx.close().await(1, TimeUnit.MINUTES);
            deleteTree(dir);
        }
        if (json) {
            JsonArray lines = new JsonArray();
            results.forEach(r -> lines.add(r.toJson()));
            System.out.println(new JsonObject().put("results", lines).put("ratios", ratios(results)).encodePrettily());
        } else {
            JsonObject ratios = ratios(results);
            for (String key : ratios.fieldNames()) {
                System.out.printf("%-34s %.2fx%n", key, ratios.getDouble(key));
            }
        }
        return ExitCodes.OK;
    }

    private void measureStore(FsmBenchmark bench, String label, Store store, List<BenchResult> results) throws Exception {
        try {
            report(results, bench.rawUpserts(label, store, concurrency, rawOps));
            report(results, bench.persisted(label, store, concurrency, persistedSteps));
            report(results, bench.recovery(label, store, recovery));
            clean(store);
        } finally {
            store.close().await(1, TimeUnit.MINUTES);
        }
    }

    private int concurrencyPool() {
        return Math.max(1, Math.min(16, concurrency));
    }

    private void report(List<BenchResult> results, BenchResult result) {
        results.add(result);
        if (!json) {
            System.out.println(result.line());
        }
    }

    /** persisted / raw per store: the goal is at least 0.8. */
    private static JsonObject ratios(List<BenchResult> results) {
        JsonObject ratios = new JsonObject();
        for (String store : List.of("sqlite", "postgres")) {
            BenchResult raw = find(results, "raw upsert " + store);
            BenchResult persisted = find(results, "persisted " + store);
            if (raw != null && persisted != null) {
                ratios.put("persisted/raw " + store, persisted.perSecond() / raw.perSecond());
            }
        }
        return ratios;
    }

    private static BenchResult find(List<BenchResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static void clean(Store store) throws Exception {
        store.execute("DELETE FROM fsm_log WHERE machine_type LIKE 'bench-%'").await(5, TimeUnit.MINUTES);
        store.execute("DELETE FROM fsm_machine WHERE machine_type LIKE 'bench-%'").await(5, TimeUnit.MINUTES);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
