package dev.granary.piece;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the CSV vector files under {@code src/test/resources/vectors/piece}: {@code #} lines are comments. */
final class Vectors {
    private Vectors() {
    }

    static List<String[]> rows(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/piece/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/piece/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
