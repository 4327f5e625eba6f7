package dev.granary.store;

import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.granary.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteStoreContractTest extends StoreContract {
    @TempDir
    Path tempDir;

    @Override
    protected StoreConfig config() {
        return new StoreConfig("", 4);
    }

    /** In a folder that does not exist yet, so every test also proves open creates it. */
    @Override
    protected Path sqliteFile() {
        return tempDir.resolve("repo").resolve("db").resolve("granary.db");
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialect.SQLITE;
    }

    @Override
    protected String expectedDescription() {
        return "sqlite:" + sqliteFile().toAbsolutePath().normalize();
    }

    @Test
    void createsTheFileAndItsFolders() throws Exception {
        open();

        assertTrue(Files.isRegularFile(sqliteFile()), "no database file at " + sqliteFile());
    }

    @Test
    void connectionUsesTheUrlPragmas() throws Exception {
        Store store = open();

        assertEquals("wal", pragma(store, "journal_mode").getString(0).toLowerCase());
        assertEquals(2L, pragma(store, "synchronous").getLong(0), "2 is FULL: acknowledged deals survive power loss");
        assertEquals(1L, pragma(store, "foreign_keys").getLong(0));
        assertEquals(5000L, pragma(store, "busy_timeout").getLong(0));
    }

    private static Row pragma(Store store, String name) throws Exception {
        return await(store.execute("PRAGMA " + name)).iterator().next();
    }
}
