package dev.granary.fsm;

import dev.granary.store.MachineRepository;
import dev.granary.store.Store;
import dev.granary.store.StoreConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM the crash test kills: starts {@code machines} crash rings on a SQLite store and reports progress on
 * stdout until it is killed. Run by {@link CrashRecoveryTest} with the test classpath.
 */
public final class CrashWorker {
    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int machines = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx();
        Store store = Store.open(vertx, new StoreConfig("", 1), db, null).await();
        var group = MachineGroup.create(vertx, CrashRing.definition(3, () -> { }), new MachineRepository(store));
        int[] transitions = {0};
        group.listen(t -> transitions[0]++);
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
            created.add(group.create("m" + i, CrashRing.State.R0, new CrashRing.Progress(0, steps)));
        }
        Future.all(created).await();
        System.out.println("STARTED");
        vertx.setPeriodic(20, id -> System.out.println("PROGRESS " + transitions[0]));
    }
}
