package dev.granary.store.impl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlTextTest {
    @Test
    void splitsAtStatementEndsOnly() {
        String script = """
                -- header; with a semicolon
                CREATE TABLE a (note TEXT DEFAULT 'x;y');
                /* block; comment */ CREATE TABLE "b;c" (id INTEGER);
                INSERT INTO a (note) VALUES ('it''s; fine')
                """;

        assertEquals(List.of(
                "-- header; with a semicolon\nCREATE TABLE a (note TEXT DEFAULT 'x;y')",
                "/* block; comment */ CREATE TABLE \"b;c\" (id INTEGER)",
                "INSERT INTO a (note) VALUES ('it''s; fine')"), SqlText.statements(script));
    }

    @Test
    void dropsEmptyAndCommentOnlyPieces() {
        assertEquals(List.of("SELECT 1"), SqlText.statements(";;\n SELECT 1 ;\n -- the end; really\n/* done */\n"));
        assertEquals(List.of(), SqlText.statements("  -- nothing\n/* at all; */  "));
    }

    @Test
    void knowsCodeFromCommentsAndWhitespace() {
        assertFalse(SqlText.hasCode(" \n-- x\n/* y */\t"));
        assertTrue(SqlText.hasCode("-- x\n''"));
        assertTrue(SqlText.hasCode("/* y */ SELECT"));
    }

    @Test
    void unterminatedCommentRunsToTheEnd() {
        assertEquals("/* open".length(), SqlText.skipQuotedOrComment("/* open", 0));
        assertEquals("-- line".length(), SqlText.skipQuotedOrComment("-- line", 0));
        assertEquals(0, SqlText.skipQuotedOrComment("- x", 0));
    }
}
