package dev.granary.store.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a migration set from the classpath through its {@code INDEX} file (one file name per line,
 * in order; blank lines and {@code #} comments ignored). Listing a classpath directory inside a
 * shaded jar is unreliable, so the index is the source of truth; a file missing from it never runs.
 */
public final class MigrationFiles {
    public static final String INDEX = "INDEX";

    private MigrationFiles() {
    }

    /** Blocking classpath I/O: call on a worker. Versions must run 1, 2, 3, ... without gaps. */
    public static List<Migration> load(ClassLoader loader, String folder) throws IOException {
        String indexText = read(loader, folder + "/" + INDEX);
        List<Migration> migrations = new ArrayList<>();
        for (String line : indexText.split("\\R")) {
            String fileName = line.strip();
            if (fileName.isEmpty() || fileName.startsWith("#")) {
                continue;
            }
            Migration migration = Migration.of(fileName, read(loader, folder + "/" + fileName));
            int expected = migrations.size() + 1;
            if (migration.version() != expected) {
                throw new IllegalStateException(folder + "/" + INDEX + " lists " + fileName + " where version "
                        + expected + " belongs; versions must run 1, 2, 3, ... in order");
            }
            migrations.add(migration);
        }
        return migrations;
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration resource not found on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
