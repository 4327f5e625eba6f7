package dev.granary.interop;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the JavaScript checkers in {@code interop/} with Node: the independent implementation our bytes
 * are compared against. Input goes on stdin, the answer comes back on stdout. Without Node or the npm packages
 * the calling test is skipped with a visible message, except under {@code CI=true} where that is a failure
 * ({@code .ci/run} installs the packages).
 */
public final class NodeScript {
    private static final Path DIR = Path.of("interop");

    private NodeScript() {
    }

    /** Skips (or, in CI, fails) the current test when Node or the packages are missing. */
    public static void assumeAvailable() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("JS interop must run in CI: " + problem);
        }
        System.err.println("SKIPPED JS interop: " + problem + " (run `npm ci` in interop/)");
        Assumptions.abort(problem);
    }

    /** Runs {@code interop/<script>} with {@code input} on stdin; returns stdout. Fails on a non-zero exit. */
    public static String run(String script, String input) throws IOException, InterruptedException {
        return run(script, input.getBytes(StandardCharsets.UTF_8), List.of());
    }

    public static String run(String script, byte[] input, List<String> args) throws IOException, InterruptedException {
        assumeAvailable();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException ignored) {
                // the script stopped reading; its exit code tells
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish in 120 s");
        }
        feeder.join();
        if (process.exitValue() != 0) {
            throw new AssertionError(script + " exited " + process.exitValue() + ": " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String problem() {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            return "interop/node_modules is missing";
        }
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? null : "node does not run";
        } catch (IOException | InterruptedException e) {
            return "node is not installed (" + e.getMessage() + ")";
        }
    }
}
