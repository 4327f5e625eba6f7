package dev.granary.ipld.cbor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Reads the {@code |}-separated vector files under src/test/resources/vectors/cbor; {@code #} starts a comment line. */
final class VectorFile {
    record Line(int number, List<String> columns) {
        String column(int i) {
            return columns.get(i);
        }

        byte[] hex(int i) {
            return HexFormat.of().parseHex(columns.get(i).replace(" ", ""));
        }
    }

    private VectorFile() {
    }

    static List<Line> read(String name, int columns) {
        try (InputStream in = VectorFile.class.getResourceAsStream("/vectors/cbor/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/cbor/" + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Line> out = new java.util.ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> parts = Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
                if (parts.size() != columns) {
                    throw new IllegalStateException(name + ":" + (i + 1) + " has " + parts.size() + " columns, not " + columns);
                }
                out.add(new Line(i + 1, parts));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
