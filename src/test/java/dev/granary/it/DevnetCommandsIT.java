package dev.granary.it;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar on its embedded devnet: the ready line names the chain, and the chain/devnet commands drive it. */
class DevnetCommandsIT {
    private static final Duration READY_WITHIN = Duration.ofSeconds(15);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(15);

    @TempDir
    java.nio.file.Path repo;

    @Test
    void aManualDevnetIsDrivenFromTheCommandLine() throws Exception {
        try (GranaryProcess node = GranaryProcess.start(Map.of("GRANARY_CHAIN_DEVNET_BLOCK_TIME", "0"), "run",
                "--repo", repo.toString(), "--api-listen", "127.0.0.1:0", "--p2p-listen", GranaryProcess.P2P_LOOPBACK)) {
            node.awaitReady(READY_WITHIN);
            assertTrue(node.output().contains("chain=devnet miner=t01000 epoch=0"), node.output());

            assertEquals(0, epoch(run("chain", "head", "--json")));
            assertEquals("epoch 3", lastLine(run("devnet", "advance", "3")));
            assertEquals(3, epoch(run("chain", "head", "--json")));

            JsonObject miner = new JsonObject(lastLine(run("devnet", "miner", "--json")));
            assertEquals("t01000", miner.getString("miner"));
            assertTrue(node.p2pAddress().endsWith("/p2p/" + miner.getString("peerId")), miner.encode());

            String funded = run("devnet", "fund", miner.getString("ownerKey"), "5 FIL");
            assertTrue(funded.contains("(t0100): balance 1005 FIL"), funded);
            String escrow = run("devnet", "add-escrow", "t01000", "1 FIL");
            assertTrue(escrow.contains("escrow of t01000 (t01000): 1 FIL, locked 0 FIL"), escrow);

            GranaryProcess.Result refused = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN, "devnet", "fund", "t09999",
                    "1 FIL", "--repo", repo.toString());
            assertEquals(1, refused.exitCode(), refused.output());
        }
    }

    private String run(String... args) throws Exception {
        List<String> withRepo = new java.util.ArrayList<>(List.of(args));
        withRepo.add("--repo");
        withRepo.add(repo.toString());
        GranaryProcess.Result result = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN, withRepo.toArray(String[]::new));
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.output());
        return result.output();
    }

    private static long epoch(String output) {
        return new JsonObject(lastLine(output)).getLong("epoch");
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
