package dev.granary.api.rpc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * API permission levels, declared lowest first: the declaration order is the privilege order,
 * matching lotus' {@code read < write < sign < admin} so that lotus-issued tokens mean the same thing here.
 */
public enum Permission {
    READ, WRITE, SIGN, ADMIN;

    private static final String VALID_NAMES =
            Arrays.stream(values()).map(Permission::wireName).collect(Collectors.joining(", "));

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /**
     * Lenient parse for humans (config files, CLI flags): case and surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException naming the valid values when {@code text} is not one of them
     */
    public static Permission parse(String text) {
        if (text != null) {
            Optional<Permission> found = fromWireName(text.strip().toLowerCase(Locale.ROOT));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalArgumentException(
                "unknown permission '" + text + "'; valid permissions are: " + VALID_NAMES);
    }

    /** Exact lookup used for token payloads, where lotus compares names case-sensitively. */
    static Optional<Permission> fromWireName(String wireName) {
        for (Permission p : values()) {
            if (p.wireName.equals(wireName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The lowercase name lotus uses in token payloads and error messages. */
    public String wireName() {
        return wireName;
    }

    /**
     * This permission and every weaker one, weakest first, as lotus writes a token's {@code Allow} list,
     * so a token for WRITE is {@code ["read","write"]}.
     */
    public List<String> allowList() {
        return Arrays.stream(values()).limit(ordinal() + 1L).map(Permission::wireName).toList();
    }

    /** Whether a caller holding this permission may do something that requires {@code needed}. */
    public boolean covers(Permission needed) {
        return compareTo(needed) >= 0;
    }
}
