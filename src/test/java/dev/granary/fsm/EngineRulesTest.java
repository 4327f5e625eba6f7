package dev.granary.fsm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single-threaded ownership is the engine's concurrency model: no locks, monitors or atomics creep in. */
class EngineRulesTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bsynchronized\\b|\\bvolatile\\b|java\\.util\\.concurrent\\.locks|java\\.util\\.concurrent\\.atomic|\\bAtomic[A-Z]\\w*|\\bReentrantLock\\b");

    @Test
    void theFsmPackageHasNoLocksMonitorsOrAtomics() throws IOException {
        Path root = Path.of("src/main/java/dev/granary/fsm");
        assertTrue(Files.isDirectory(root), "run from the project root");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(EngineRulesTest::violations).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static Stream<String> violations(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> FORBIDDEN.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
