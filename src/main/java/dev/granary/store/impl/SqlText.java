package dev.granary.store.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows which parts of SQL text are code and which are literals or comments, so
 * that placeholder numbering and statement splitting agree on what they must leave alone.
 *
 * <p>Understood: {@code '...'} strings and {@code "..."} identifiers (a doubled quote stays inside),
 * {@code --} comments to the end of the line, and block comments (not nested). Granary
 * SQL runs on SQLite and Postgres alike, so Postgres-only forms this scanner does not know are not
 * used in it: dollar quoting, {@code E'...'} backslash escapes, nested block comments and the jsonb
 * {@code ?} operators (a {@code ?} there would be taken for a placeholder).
 */
public final class SqlText {
    private SqlText() {
    }

    /**
     * If a literal, quoted identifier or comment starts at {@code i}, the index just past its end
     * (the end of the text when it is unterminated, so the database reports the error); otherwise {@code i}.
     */
    public static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            return endOfQuoted(sql, i, c);
        }
        if (c == '-' && startsAt(sql, i + 1, '-')) {
            int newline = sql.indexOf('\n', i + 2);
            return newline < 0 ? sql.length() : newline + 1;
        }
        if (c == '/' && startsAt(sql, i + 1, '*')) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return i;
    }

    /**
     * Splits a script into statements at the {@code ;} that end them, ignoring {@code ;} inside
     * literals and comments. Pieces holding nothing but whitespace and comments are dropped, so a
     * trailing comment after the last statement is not sent to the database as an empty statement.
     */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < script.length()) {
            int skipped = skipQuotedOrComment(script, i);
            if (skipped > i) {
                i = skipped;
            } else if (script.charAt(i) == ';') {
                addIfCode(statements, script.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        addIfCode(statements, script.substring(start));
        return statements;
    }

    /** True when the text holds something other than whitespace and comments. */
    public static boolean hasCode(String sql) {
        int i = 0;
        while (i < sql.length()) {
            int skipped = skipQuotedOrComment(sql, i);
            char c = sql.charAt(i);
            if (skipped > i && (c == '-' || c == '/')) {
                i = skipped;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                return true;
            }
        }
        return false;
    }

    private static void addIfCode(List<String> statements, String piece) {
        if (hasCode(piece)) {
            statements.add(piece.strip());
        }
    }

    private static int endOfQuoted(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (!startsAt(sql, i + 1, quote)) {
                    return i + 1;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean startsAt(String sql, int i, char c) {
        return i < sql.length() && sql.charAt(i) == c;
    }
}
