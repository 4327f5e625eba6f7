package dev.granary.store.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered migration file, e.g. {@code V001__node_meta.sql}.
 *
 * @param text     the file as written, before dialect tokens are replaced, so the checksum is the
 *                 same on SQLite and Postgres
 * @param checksum hex SHA-256 of {@code text}
 */
public record Migration(int version, String name, String fileName, String text, String checksum) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3,})__([a-z0-9_]+)\\.sql");

    public static Migration of(String fileName, String text) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration file name " + fileName
                    + " does not look like V001__lower_snake_name.sql");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2), fileName, text, sha256(text));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
