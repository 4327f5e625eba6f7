package dev.granary.node.config;

import dev.granary.node.config.ValueParser.InvalidValueException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Shape checks for store.url, and the redaction that keeps its password out of logs and error output.
 * Whether the server is reachable is the store's business at startup, not the config's.
 */
final class PostgresUrl {
    private PostgresUrl() {
    }

    static void check(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgres://") && !lower.startsWith("postgresql://")) {
            throw new InvalidValueException(null);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("it is not a well-formed URL (percent-encode special characters)");
        }
        if (uri.getHost() == null) {
            throw new InvalidValueException("it has no valid host (percent-encode special characters in the password)");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new InvalidValueException("it must name a database, as in postgres://user@host/granary");
        }
    }

    /** Replaces the password, if any, with "***"; works on any text, well-formed or not. */
    static String redact(String text) {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            return text;
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = text.indexOf('/', authorityStart);
        if (authorityEnd < 0) {
            authorityEnd = text.length();
        }
        int at = text.lastIndexOf('@', authorityEnd - 1);
        if (at < authorityStart) {
            return text;
        }
        int colon = text.indexOf(':', authorityStart);
        if (colon < 0 || colon > at) {
            return text;
        }
        return text.substring(0, colon + 1) + "***" + text.substring(at);
    }
}
