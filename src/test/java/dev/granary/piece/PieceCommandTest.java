package dev.granary.piece;

import dev.granary.Main;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code granary piece commp|commd} and {@code granary bench commp}, run through the real command line. */
class PieceCommandTest {
    private static final String MAINNET_PIECE = "baga6ea4seaqknzm22isnhsxt2s4dnw45kfywmhenngqq3nc7jvecakoca6ksyhy";

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void commpOfTwoKibOfZeros() throws Exception {
        Path file = dir.resolve("zeros.bin");
        Files.write(file, new byte[2032]);
        Result result = run("piece", "commp", file.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("baga6ea4seaqpy7usqklokfx2vxuynmupslkeutzexe2uqurdg5vhtebhxqmpqmy 2048 2032\n", result.out());

        Result single = run("piece", "commp", "--threads", "1", file.toString());
        assertEquals(result.out(), single.out());
        Result v2 = run("piece", "commp", "--v2", file.toString());
        assertEquals("bafkzcibcaadpy7usqklokfx2vxuynmupslkeutzexe2uqurdg5vhtebhxqmpqmy 2048 2032\n", v2.out());
        JsonObject json = new JsonObject(run("piece", "commp", "--json", file.toString()).out());
        assertEquals(2048, json.getLong("paddedSize"));
        assertEquals("fc7e928296e516faade986b28f92d44a4f24b935485223376a799027bc18f833", json.getString("commP"));
    }

    @Test
    void commpErrors() {
        Result missing = run("piece", "commp", dir.resolve("absent.car").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("cannot read") && missing.err().contains("no such file"), missing.err());
        assertEquals(1, run("piece", "commp", dir.toString()).exitCode(), "a directory is not a payload");
        assertEquals(2, run("piece", "commp").exitCode());
        assertEquals(2, run("piece", "commp", "--threads", "0", "x").exitCode());
        assertEquals(2, run("piece", "commp", "--no-such-flag", "x").exitCode());
    }

    @Test
    void commdOfPiecesAndOfAnEmptySector() {
        Result empty = run("piece", "commd", "--sector-size", "2KiB");
        assertEquals(0, empty.exitCode(), empty.err());
        assertEquals("baga6ea4seaqpy7usqklokfx2vxuynmupslkeutzexe2uqurdg5vhtebhxqmpqmy\n", empty.out());

        Result twoPieces = run("piece", "commd", "--sector-size", "2048",
                "baga6ea4seaqekntfxsi5g7pl45fyjcir6w67qmeptedeaxq5yi56j3tpbohtuca:512",
                "baga6ea4seaqjbfg5a6k57pwvkqx23rsywytldq5ot376kiojwfcgjvntt5apwlq:1KiB");
        assertEquals(0, twoPieces.exitCode(), twoPieces.err());
        assertEquals("baga6ea4seaqgjbonxb76ykpvts63n4jbyrv7tqxpsju74njrrpyeml26gi5uakq\n", twoPieces.out());

        String v2 = PieceCids.v1ToV2(PieceCids.parse("baga6ea4seaqekntfxsi5g7pl45fyjcir6w67qmeptedeaxq5yi56j3tpbohtuca"),
                PaddedPieceSize.of(512), 508).toString();
        Result withV2 = run("piece", "commd", "--sector-size", "2KiB", v2,
                "baga6ea4seaqjbfg5a6k57pwvkqx23rsywytldq5ot376kiojwfcgjvntt5apwlq:1024");
        assertEquals(twoPieces.out(), withV2.out(), "a v2 CID brings its own size");
    }

    @Test
    void commdErrors() {
        Result badCid = run("piece", "commd", "--sector-size", "2KiB", "bafkqaaa:128");
        assertEquals(1, badCid.exitCode());
        assertTrue(badCid.err().contains("not a piece CID v1"), badCid.err());
        assertEquals(1, run("piece", "commd", "--sector-size", "2KiB", "garbage:128").exitCode());
        Result tooBig = run("piece", "commd", "--sector-size", "2KiB", MAINNET_PIECE + ":256MiB");
        assertEquals(1, tooBig.exitCode());
        assertTrue(tooBig.err().contains("larger than the 2048-byte sector"), tooBig.err());
        assertEquals(1, run("piece", "commd", "--sector-size", "2KiB", MAINNET_PIECE + ":1000").exitCode(), "not a power of two");
        assertEquals(1, run("piece", "commd", "--sector-size", "2KiB", MAINNET_PIECE).exitCode(), "v1 without a size");
        assertEquals(1, run("piece", "commd", "--sector-size", "2KiB",
                MAINNET_PIECE + ":1KiB", MAINNET_PIECE + ":1KiB", MAINNET_PIECE + ":1KiB").exitCode(), "three 1 KiB pieces");
        assertEquals(2, run("piece", "commd", "--sector-size", "3KiB").exitCode());
        assertEquals(2, run("piece", "commd", MAINNET_PIECE + ":128").exitCode(), "--sector-size is required");
    }

    @Test
    void sizeText() {
        assertEquals(2048, SizeText.parse("2KiB"));
        assertEquals(8L << 20, SizeText.parse("8MiB"));
        assertEquals(512L << 20, SizeText.parse("512mib"));
        assertEquals(32L << 30, SizeText.parse("32GiB"));
        assertEquals(64L << 30, SizeText.parse("64G"));
        assertEquals(2048, SizeText.parse("2048"));
        assertEquals("32GiB", SizeText.format(32L << 30));
        assertEquals("2032B", SizeText.format(2032));
        for (String bad : new String[]{"", "KiB", "2KB", "-1", "1.5GiB", "99999999999999999999", "9000000PiB"}) {
            assertEquals(true, isRejected(bad), bad);
        }
    }

    @Test
    void benchRunsOnASmallPayload() {
        Result bench = run("bench", "commp", "--size", "2MiB", "--threads", "2", "--runs", "1", "--json");
        assertEquals(0, bench.exitCode(), bench.err());
        JsonObject json = new JsonObject(bench.out());
        assertEquals(2 << 20, json.getLong("payloadBytes"));
        assertTrue(json.getDouble("commp1MBps") > 0 && json.getDouble("speedup") > 0);
        assertEquals(2, run("bench", "commp", "--size", "lots").exitCode());
    }

    private static boolean isRejected(String text) {
        try {
            SizeText.parse(text);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
