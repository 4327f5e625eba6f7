package dev.granary.store;

import dev.granary.store.impl.SqlText;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL differences between the two backends, kept small on purpose: repository SQL is written once
 * with {@code ?} placeholders, and migrations use a few portable type tokens.
 *
 * <p>Migration tokens (the whole set; add one only when a type truly differs):
 * <table>
 *   <tr><th>token</th><th>SQLite</th><th>Postgres</th></tr>
 *   <tr><td>{@code ${BYTES}}</td><td>BLOB</td><td>BYTEA</td></tr>
 *   <tr><td>{@code ${BIGSERIAL_PK}}</td><td>INTEGER PRIMARY KEY AUTOINCREMENT</td><td>BIGSERIAL PRIMARY KEY</td></tr>
 * </table>
 * Everything else used in migrations (TEXT, INTEGER, BIGINT, ON CONFLICT ...) means the same on both.
 */
public enum Dialect {
    SQLITE(Map.of("BYTES", "BLOB", "BIGSERIAL_PK", "INTEGER PRIMARY KEY AUTOINCREMENT")),
    POSTGRES(Map.of("BYTES", "BYTEA", "BIGSERIAL_PK", "BIGSERIAL PRIMARY KEY"));

    /** Repositories use a bounded set of constant statements; the cap only guards against ad-hoc SQL growing it forever. */
    private static final int CACHE_LIMIT = 1024;
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([A-Za-z0-9_]*)}");

    private final Map<String, String> types;
    private final Map<String, String> converted = new ConcurrentHashMap<>();

    Dialect(Map<String, String> types) {
        this.types = new TreeMap<>(types);
    }

    /** The statement in this backend's placeholder syntax: unchanged for SQLite, {@code $1, $2, ...} for Postgres. */
    public String sql(String sql) {
        if (this == SQLITE) {
            return sql;
        }
        String cached = converted.get(sql);
        if (cached != null) {
            return cached;
        }
        String numbered = numberPlaceholders(sql);
        if (converted.size() < CACHE_LIMIT) {
            converted.putIfAbsent(sql, numbered);
        }
        return numbered;
    }

    /** Migration text with its type tokens replaced; an unknown token is a typo and fails loudly. */
    public String migration(String text) {
        Matcher token = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (token.find()) {
            String type = types.get(token.group(1));
            if (type == null) {
                throw new IllegalArgumentException("unknown migration token " + token.group()
                        + "; known tokens: " + types.keySet());
            }
            token.appendReplacement(out, Matcher.quoteReplacement(type));
        }
        token.appendTail(out);
        return out.toString();
    }

    private static String numberPlaceholders(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int placeholder = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlText.skipQuotedOrComment(sql, i);
            if (skipped > i) {
                out.append(sql, i, skipped);
                i = skipped;
            } else {
                char c = sql.charAt(i++);
                if (c == '?') {
                    out.append('$').append(++placeholder);
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
