package dev.granary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CLI conventions: usage errors exit 2, failures 1, and --repo is accepted before or after the command. */
class MainTest {
    @Test
    void unknownFlagIsAUsageError() {
        assertEquals(2, Main.commandLine().execute("run", "--no-such-flag"));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, Main.commandLine().execute());
    }

    @Test
    void badPermissionIsAUsageError(@TempDir Path repo) {
        assertEquals(2, Main.commandLine().execute("auth", "create-token", "--repo", repo.toString(), "--perm", "root"));
    }

    @Test
    void repoIsAcceptedBeforeAndAfterTheCommand(@TempDir Path before, @TempDir Path after) {
        assertEquals(0, Main.commandLine().execute("--repo", before.toString(), "auth", "create-token", "--perm", "read"));
        assertEquals(0, Main.commandLine().execute("auth", "create-token", "--perm", "read", "--repo", after.toString()));
        assertTrue(Files.exists(before.resolve("keys/jwt-secret")));
        assertTrue(Files.exists(after.resolve("keys/jwt-secret")));
    }

    @Test
    void stopWithoutARunningNodeFailsWithExitOne(@TempDir Path repo) {
        assertEquals(1, Main.commandLine().execute("stop", "--repo", repo.toString()));
    }
}
