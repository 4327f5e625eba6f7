package dev.granary.store.impl;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code postgres://user[:password]@host[:port]/database[?params]} store URL ({@code postgresql://}
 * too). Parameters: {@code sslmode} (disable, allow, prefer, require, verify-ca, verify-full); any other
 * parameter is passed to the server as a startup setting (for example {@code application_name}).
 * Errors name {@code store.url}, the config key the operator has to fix, and never echo a password.
 */
public record PostgresUrl(String user, String password, String host, int port, String database,
                          Map<String, String> params) {
    public static final int DEFAULT_PORT = 5432;
    static final String EXPECTED = "store.url must be empty (embedded SQLite) or "
            + "postgres://user[:password]@host[:port]/database";

    public PostgresUrl {
        params = Map.copyOf(params);
    }

    public static boolean isPostgres(String url) {
        return url.startsWith("postgres://") || url.startsWith("postgresql://");
    }

    /** @throws IllegalArgumentException naming store.url, with any password masked */
    public static PostgresUrl parse(String url) {
        if (!isPostgres(url)) {
            throw invalid(url, "unknown scheme");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "not a valid URL (percent-encode special characters in the password)");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty() || userInfo.startsWith(":")) {
            throw invalid(url, "no user");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "no host");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw invalid(url, "no database name after the host");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(url, userInfo.substring(colon + 1));
        String host = uri.getHost().replace("[", "").replace("]", "");
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new PostgresUrl(user, password, host, port, decode(url, path.substring(1)), params(url, uri.getRawQuery()));
    }

    /** The same server and credentials, another database (used to create a missing one). */
    public PostgresUrl withDatabase(String other) {
        return new PostgresUrl(user, password, host, port, other, params);
    }

    public PgConnectOptions connectOptions() {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(host).setPort(port).setUser(user).setDatabase(database)
                .setCachePreparedStatements(true);
        if (password != null) {
            options.setPassword(password);
        }
        params.forEach((key, value) -> {
            if (key.equals("sslmode")) {
                options.setSslMode(SslMode.of(value));
            } else {
                options.addProperty(key, value);
            }
        });
        return options;
    }

    /** Where the data lives, for logs and status output: no password, no parameters. */
    public String describe() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "postgres://" + user + "@" + shownHost + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The URL with any password replaced by {@code ***}, for error messages. */
    public static String redact(String url) {
        // Masks up to the last '@' rather than parsing: a malformed URL (a raw '/' or '@' in the
        // password) must not leak it either, and over-masking a parameter is harmless.
        int start = url.indexOf("//");
        int at = url.lastIndexOf('@');
        if (start < 0 || at < start) {
            return url;
        }
        int colon = url.indexOf(':', start + 2);
        return colon < 0 || colon > at ? url : url.substring(0, colon) + ":***" + url.substring(at);
    }

    private static Map<String, String> params(String url, String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(url, "parameter '" + pair + "' is not name=value");
            }
            String key = decode(url, pair.substring(0, eq));
            String value = decode(url, pair.substring(eq + 1));
            if (key.equals("sslmode")) {
                try {
                    SslMode.of(value);
                } catch (IllegalArgumentException e) {
                    throw invalid(url, "unknown sslmode '" + value + "'");
                }
            }
            params.put(key, value);
        }
        return params;
    }

    private static String decode(String url, String raw) {
        try {
            // URLs are not form-encoded: a '+' in a password is a plus, not a space
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(url, "bad percent-encoding");
        }
    }

    private static InvalidStoreUrlException invalid(String url, String problem) {
        return new InvalidStoreUrlException(EXPECTED + "; got '" + redact(url) + "': " + problem, problem);
    }

    /** A store.url the store cannot use; {@link #problem()} says what is wrong without repeating the URL. */
    public static final class InvalidStoreUrlException extends IllegalArgumentException {
        private final String problem;

        InvalidStoreUrlException(String message, String problem) {
            super(message);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }
}
