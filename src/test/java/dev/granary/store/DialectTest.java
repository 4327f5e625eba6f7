package dev.granary.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialectTest {
    @Test
    void postgresNumbersPlaceholdersInOrder() {
        assertEquals("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)",
                Dialect.POSTGRES.sql("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"));
    }

    @Test
    void postgresLeavesQuotedAndCommentedMarksAlone() {
        String sql = "SELECT '?', 'it''s ?', \"odd?col\" FROM t -- why?\nWHERE x = ? /* or ? */ AND y = ?";
        String expected = "SELECT '?', 'it''s ?', \"odd?col\" FROM t -- why?\nWHERE x = $1 /* or ? */ AND y = $2";

        assertEquals(expected, Dialect.POSTGRES.sql(sql));
    }

    @Test
    void unterminatedLiteralSwallowsTheRestSoTheDatabaseReportsIt() {
        assertEquals("SELECT $1, 'oops ?", Dialect.POSTGRES.sql("SELECT ?, 'oops ?"));
    }

    @Test
    void sqliteKeepsTheStatementAsWritten() {
        String sql = "SELECT ? FROM t WHERE a = ?";

        assertSame(sql, Dialect.SQLITE.sql(sql));
    }

    @Test
    void repeatedConversionGivesTheSameText() {
        String sql = "UPDATE t SET a = ? WHERE b = ?";

        assertEquals(Dialect.POSTGRES.sql(sql), Dialect.POSTGRES.sql(sql));
    }

    @Test
    void migrationTokensBecomeEachBackendsTypes() {
        String text = "CREATE TABLE t (id ${BIGSERIAL_PK}, data ${BYTES} NOT NULL)";

        assertEquals("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL)",
                Dialect.SQLITE.migration(text));
        assertEquals("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, data BYTEA NOT NULL)",
                Dialect.POSTGRES.migration(text));
    }

    @Test
    void unknownMigrationTokenIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dialect.POSTGRES.migration("CREATE TABLE t (b ${BYTE})"));

        assertTrue(e.getMessage().contains("${BYTE}"), e.getMessage());
        assertTrue(e.getMessage().contains("BIGSERIAL_PK") && e.getMessage().contains("BYTES"), e.getMessage());
    }

    @Test
    void migrationWithoutTokensIsUnchanged() {
        String text = "CREATE TABLE t (price TEXT DEFAULT '$5')";

        assertEquals(text, Dialect.SQLITE.migration(text));
        assertEquals(text, Dialect.POSTGRES.migration(text));
    }
}
