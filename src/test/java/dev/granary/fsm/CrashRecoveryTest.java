package dev.granary.fsm;

import dev.granary.store.MachineRepository;
import dev.granary.store.Store;
import dev.granary.store.StoreConfig;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A separate JVM runs 1,000 machines on SQLite and is killed (SIGKILL) mid-flight; a fresh group loads the
 * same store and must drive every machine to its final state with each step applied exactly once.
 */
class CrashRecoveryTest {
    private static final int MACHINES = 1_000;
    private static final int STEPS = 20;
    private static final long TOTAL = (long) MACHINES * (STEPS + 2);

    @TempDir
    Path dir;

    @Test
    void killedMidFlightEveryMachineFinishesWithEachStepAppliedOnce() throws Exception {
        Path db = dir.resolve("crash.db");
        long seenBeforeKill = runAndKill(db, TOTAL / 3);
        assertTrue(seenBeforeKill < TOTAL, "killed before the work was done");

        Vertx vertx = Vertx.vertx();
        try {
            Store store = Store.open(vertx, new StoreConfig("", 1), db, null).await(30, TimeUnit.SECONDS);
            MachineRepository repository = new MachineRepository(store);
            int finishedBefore = repository.listByState("crash-ring", "DONE", MACHINES).await(30, TimeUnit.SECONDS).size();
            Promise<Void> allDone = Promise.promise();
            int[] done = {finishedBefore};
            var group = MachineGroup.create(vertx, CrashRing.definition(0, () -> {
                if (++done[0] == MACHINES) {
                    allDone.tryComplete();
                }
            }), repository);
            int resumed = group.load().await(60, TimeUnit.SECONDS);
            assertEquals(MACHINES - finishedBefore, resumed, "every unfinished machine was resumed");
            assertTrue(resumed > 0, "the kill landed mid-flight");
            if (done[0] == MACHINES) {
                allDone.tryComplete();
            }
            allDone.future().await(120, TimeUnit.SECONDS);

            List<MachineRecord> finished = repository.listByState("crash-ring", "DONE", MACHINES + 1).await(30, TimeUnit.SECONDS);
            assertEquals(MACHINES, finished.size(), "none lost");
            for (MachineRecord machine : finished) {
                assertEquals(STEPS + 2, machine.version(), machine.id() + ": created + one per step + finish");
                assertTrue(machine.data().contains("\"steps\":" + STEPS + ","), machine.id() + " " + machine.data());
                assertAppliedOnceEach(repository.log("crash-ring", machine.id()).await(30, TimeUnit.SECONDS), machine.id());
            }
            store.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** The applied entries walk R0, R1, ... R4, R0 ... then DONE, each move once, with sequence numbers rising. */
    private static void assertAppliedOnceEach(List<LogEntry> log, String id) {
        List<LogEntry> applied = log.stream().filter(e -> e.outcome().equals(LogEntry.APPLIED)).toList();
        assertEquals(STEPS + 2, applied.size(), id + ": " + applied);
        for (int i = 1; i < applied.size() - 1; i++) {
            assertEquals("R" + ((i - 1) % 5), applied.get(i).from(), id + " step " + i);
            assertEquals("R" + (i % 5), applied.get(i).to(), id + " step " + i);
        }
        assertEquals("DONE", applied.get(applied.size() - 1).to());
        for (int i = 1; i < log.size(); i++) {
            assertTrue(log.get(i).seq() > log.get(i - 1).seq(), id + ": log sequence rises");
        }
    }

    private static long runAndKill(Path db, long killAfter) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashWorker.class.getName(), db.toString(), String.valueOf(MACHINES), String.valueOf(STEPS))
                .redirectErrorStream(true);
        Process worker = builder.start();
        List<String> output = new ArrayList<>();
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("PROGRESS ")) {
                    seen = Long.parseLong(line.substring(9).strip());
                    if (seen >= killAfter) {
                        worker.destroyForcibly();
                        worker.waitFor(30, TimeUnit.SECONDS);
                        return seen;
                    }
                }
            }
        } finally {
            worker.destroyForcibly();
        }
        throw new AssertionError("worker never reached " + killAfter + " transitions:\n" + String.join("\n", output));
    }
}
