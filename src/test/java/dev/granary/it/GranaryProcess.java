package dev.granary.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged granary.jar run as a child process, the way an operator runs it. */
final class GranaryProcess implements AutoCloseable {
    /** For every node an IT starts: the default p2p.listen port (24001) would collide between nodes. */
    static final String P2P_LOOPBACK = "/ip4/127.0.0.1/tcp/0";
    private static final Pattern READY = Pattern.compile("granary ready api=(\\S+) p2p=(\\S+)");

    private final Process process;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private volatile String p2pAddress;

    private GranaryProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "granary-output");
        reader.setDaemon(true);
        reader.start();
    }

    static GranaryProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-jar", jar()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("GRANARY_"));
        builder.environment().putAll(env);
        return new GranaryProcess(builder.start());
    }

    /** Runs a short command to completion and returns its exit code and output. */
    static Result runToEnd(Map<String, String> env, Duration limit, String... args) throws Exception {
        try (GranaryProcess p = start(env, args)) {
            int code = p.awaitExit(limit);
            p.drained(Duration.ofSeconds(5));
            return new Result(code, String.join("\n", p.output));
        }
    }

    record Result(int exitCode, String output) {
    }

    /** Waits for the ready line and returns the API URL it names. */
    String awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String line = pending.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            Matcher m = READY.matcher(line);
            if (m.find()) {
                p2pAddress = m.group(2);
                return m.group(1);
            }
        }
        throw new AssertionError("no ready line within " + limit + "; output:\n" + String.join("\n", output));
    }

    /** The p2p address the ready line named ("none" without a host); null before {@link #awaitReady}. */
    String p2pAddress() {
        return p2pAddress;
    }

    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("granary still running after " + limit + "; output:\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    /** SIGTERM on Unix. Through the handle: Process.destroy() would also close our end of its output pipe. */
    void terminate() {
        process.toHandle().destroy();
    }

    String output() {
        return String.join("\n", output);
    }

    /** The reader thread has seen end of stream (so output() is complete). */
    void drained(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (pending.poll(50, TimeUnit.MILLISECONDS) == EOF) {
                return;
            }
        }
    }

    private static final String EOF = new String("<eof>");

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                pending.add(line);
            }
        } catch (IOException ignored) {
            // the process went away; what was read is kept
        } finally {
            pending.add(EOF);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() {
        String jar = System.getProperty("granary.jar");
        if (jar == null) {
            throw new IllegalStateException("granary.jar system property not set (run through mvn verify)");
        }
        return jar;
    }
}
