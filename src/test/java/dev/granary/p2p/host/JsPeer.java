package dev.granary.p2p.host;

import dev.granary.interop.NodeScript;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * interop/p2p-peer.mjs as a child process whose stdout lines are read as they come, so a test can wait for a
 * particular line with a deadline. Closing stdin stops a listening peer.
 */
final class JsPeer implements AutoCloseable {
    private static final String EOF = "\u0000EOF";
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();

    private JsPeer(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> pump(new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
        Thread.ofVirtual().start(() -> pump(new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
    }

    static JsPeer start(String... args) throws IOException {
        NodeScript.assumeAvailable();
        List<String> command = new ArrayList<>(List.of("node", "--import", "./polyfill.mjs", "p2p-peer.mjs"));
        command.addAll(List.of(args));
        return new JsPeer(new ProcessBuilder(command).directory(new java.io.File("interop")).start());
    }

    private void pump(BufferedReader reader, boolean out) {
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (out) {
                    lines.add(line);
                } else {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            }
        } catch (IOException ignored) {
            // the process went away; EOF below tells the waiting test
        }
        if (out) {
            lines.add(EOF);
        }
    }

    /** The rest of the first stdout line starting with {@code prefix + " "}; fails at the deadline or on exit. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        synchronized (seen) {
            for (String line : seen) {
                if (line.startsWith(prefix + " ")) {
                    return line.substring(prefix.length() + 1);
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                if (line != null) {
                    lines.add(EOF);
                }
                throw new AssertionError("js peer printed no " + prefix + " line within " + timeout
                        + (line == null ? "" : " (it exited)") + "; stdout " + seen + "; stderr: " + stderr());
            }
            synchronized (seen) {
                seen.add(line);
            }
            if (line.startsWith(prefix + " ")) {
                return line.substring(prefix.length() + 1);
            }
        }
    }

    /** Whether some stdout line so far starts with {@code prefix + " "}, without waiting for more. */
    boolean printed(String prefix) {
        synchronized (seen) {
            for (String line = lines.poll(); line != null && !line.equals(EOF); line = lines.poll()) {
                seen.add(line);
            }
            return seen.stream().anyMatch(line -> line.startsWith(prefix + " "));
        }
    }

    /** Waits for a dialing peer to finish; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("js peer still running after " + timeout + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException ignored) {
            process.destroyForcibly();
        }
    }
}
