package dev.granary.store.impl;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresUrlTest {
    @Test
    void parsesEveryPart() {
        PostgresUrl url = PostgresUrl.parse("postgres://granary:p%40ss+w0rd@db.example:6543/deals?sslmode=require&application_name=node-1");

        assertEquals(new PostgresUrl("granary", "p@ss+w0rd", "db.example", 6543, "deals",
                Map.of("sslmode", "require", "application_name", "node-1")), url);
        PgConnectOptions options = url.connectOptions();
        assertEquals("db.example", options.getHost());
        assertEquals(6543, options.getPort());
        assertEquals("granary", options.getUser());
        assertEquals("p@ss+w0rd", options.getPassword());
        assertEquals("deals", options.getDatabase());
        assertEquals(SslMode.REQUIRE, options.getSslMode());
        assertEquals("node-1", options.getProperties().get("application_name"));
    }

    @Test
    void acceptsPostgresqlSchemeDefaultPortAndNoPassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://postgres@127.0.0.1/granary");

        assertEquals(5432, url.port());
        assertNull(url.password());
        assertEquals("postgres://postgres@127.0.0.1:5432/granary", url.describe());
    }

    @Test
    void describeAndToStringNeverShowThePassword() {
        PostgresUrl url = PostgresUrl.parse("postgres://u:hunter2@[::1]:5433/db?password=hunter2");

        assertEquals("postgres://u@[::1]:5433/db", url.describe());
        assertFalse(url.toString().contains("hunter2"));
        assertEquals("::1", url.host());
    }

    @Test
    void withDatabaseKeepsServerAndCredentials() {
        PostgresUrl url = PostgresUrl.parse("postgres://u:pw@h:1/a").withDatabase("postgres");

        assertEquals(new PostgresUrl("u", "pw", "h", 1, "postgres", Map.of()), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://u:secret@h/db",
            "jdbc:postgresql://h/db",
            "/var/lib/granary.db",
            "postgres://h/db",
            "postgres://:secret@h/db",
            "postgres://u:secret@/db",
            "postgres://u:secret@h",
            "postgres://u:secret@h/",
            "postgres://u:secret@h/db/extra",
            "postgres://u:secret@h/db?sslmode=sometimes",
            "postgres://u:secret@h/db?flag",
            "postgres://u:sec%zzret@h/db",
            "postgres://u:sec ret@h/db",
            "postgres://u:a@b/secret@h/db"})
    void rejectsWithAMessageNamingTheConfigKeyButNotThePassword(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse(bad));

        assertTrue(e.getMessage().startsWith("store.url must be"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void redactMasksUpToTheLastAt() {
        assertEquals("postgres://u:***@h/db", PostgresUrl.redact("postgres://u:pw@h/db"));
        assertEquals("postgres://u:***@h/db", PostgresUrl.redact("postgres://u:p@w/x@h/db"));
        assertEquals("postgres://u@h:5432/db", PostgresUrl.redact("postgres://u@h:5432/db"));
        assertEquals("postgres://h:5432/db", PostgresUrl.redact("postgres://h:5432/db"));
    }
}
