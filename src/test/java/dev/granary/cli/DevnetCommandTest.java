package dev.granary.cli;

import dev.granary.Main;
import dev.granary.chain.devnet.DevnetChain;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.Wallet;
import dev.granary.node.GranaryNode;
import dev.granary.node.TestConfigs;
import dev.granary.node.config.ChainConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code granary chain} and {@code granary devnet} against a running node on the devnet, through its repo files. */
class DevnetCommandTest {
    @TempDir
    Path repo;

    private Vertx vertx;
    private GranaryNode node;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        node = GranaryNode.deploy(vertx, repo, TestConfigs.embedded().withChain(
                new ChainConfig("", "", DevnetConfig.manual()))).await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        node.stop("test").await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Run granary(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withRepo = new String[args.length + 2];
        System.arraycopy(args, 0, withRepo, 0, args.length);
        withRepo[args.length] = "--repo";
        withRepo[args.length + 1] = repo.toString();
        return new Run(cli.execute(withRepo), out.toString(), err.toString());
    }

    @Test
    void headAdvanceAndMinerPrintForHumansAndScripts() {
        Run head = granary("chain", "head", "--json");
        assertEquals(0, head.exitCode(), head.err());
        assertEquals(0, new JsonObject(head.out().strip()).getLong("epoch"));

        Run advance = granary("devnet", "advance", "3");
        assertEquals(0, advance.exitCode(), advance.err());
        assertEquals("epoch 3", advance.out().strip());
        assertTrue(granary("chain", "head").out().startsWith("epoch 3  tipset bafy2bzace"));

        Run miner = granary("devnet", "miner", "--json");
        assertEquals(0, miner.exitCode(), miner.err());
        JsonObject info = new JsonObject(miner.out().strip());
        assertEquals("t01000", info.getString("miner"));
        assertEquals("t0100", info.getString("owner"));
        assertTrue(info.getString("workerKey").startsWith("t1"), info.encode());
        assertEquals(2048, info.getLong("sectorSize"));
        Run human = granary("devnet", "miner");
        assertTrue(human.out().contains("miner        t01000") && human.out().contains("sector size  2048 bytes"),
                human.out());
    }

    @Test
    void fundAndAddEscrowPayFromTheFaucet() throws Exception {
        String client = Wallet.inRepo(repo.resolve("client")).newAddress(KeyType.SECP256K1).format(DevnetChain.NETWORK);
        Run fund = granary("devnet", "fund", client, "10 FIL");
        assertEquals(0, fund.exitCode(), fund.err());
        assertEquals("funded " + client + " (t0102): balance 10 FIL", fund.out().strip());
        Run escrow = granary("devnet", "add-escrow", client, "2.5", "--json");
        assertEquals(0, escrow.exitCode(), escrow.err());
        assertEquals("2500000000000000000", new JsonObject(escrow.out().strip()).getString("escrow"));
    }

    @Test
    void typosAreUsageErrorsAndRefusalsAreFailures() {
        assertEquals(2, granary("devnet", "fund", "not-an-address", "1 FIL").exitCode());
        assertEquals(2, granary("devnet", "fund", "t0100", "lots").exitCode());
        assertEquals(2, granary("devnet", "fund", "t0100", "0").exitCode());
        assertEquals(2, granary("devnet", "advance", "0").exitCode());
        Run refused = granary("devnet", "fund", "t04242", "1 FIL");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("t04242") || refused.err().contains("f04242"), refused.err());
    }
}
