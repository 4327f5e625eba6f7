package dev.granary.store.impl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationFilesTest {
    private static final ClassLoader LOADER = MigrationFilesTest.class.getClassLoader();

    @Test
    void loadsTheShippedSetInIndexOrder() throws Exception {
        List<Migration> migrations = MigrationFiles.load(LOADER, Migrator.DEFAULT_FOLDER);

        assertEquals("V001__node_meta.sql", migrations.get(0).fileName());
        assertEquals(1, migrations.get(0).version());
        assertEquals("node_meta", migrations.get(0).name());
        assertEquals(64, migrations.get(0).checksum().length());
        for (int i = 0; i < migrations.size(); i++) {
            assertEquals(i + 1, migrations.get(i).version());
        }
    }

    /** The broken and types sets reuse V001 so the real set can reopen their databases: the copies must not drift. */
    @Test
    void testSetsCarryAnExactCopyOfTheShippedFirstMigration() throws Exception {
        String shipped = MigrationFiles.load(LOADER, Migrator.DEFAULT_FOLDER).get(0).checksum();

        assertEquals(shipped, MigrationFiles.load(LOADER, "db-test/broken").get(0).checksum());
        assertEquals(shipped, MigrationFiles.load(LOADER, "db-test/types").get(0).checksum());
    }

    @Test
    void refusesAGapInVersions() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MigrationFiles.load(LOADER, "db-test/gap"));

        assertTrue(e.getMessage().contains("V002__second.sql") && e.getMessage().contains("version 1"), e.getMessage());
    }

    @Test
    void refusesAMissingIndex() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MigrationFiles.load(LOADER, "db-test/none"));

        assertTrue(e.getMessage().contains("db-test/none/INDEX"), e.getMessage());
    }

    @Test
    void refusesABadFileName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Migration.of("V1_node.sql", ""));

        assertTrue(e.getMessage().contains("V1_node.sql"), e.getMessage());
    }

    @Test
    void checksumIsSha256OfTheText() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Migration.of("V001__x.sql", "").checksum());
    }
}
