package dev.granary.node.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for unknown keys, so a typo costs one glance instead of a trip to the docs. */
final class KeySuggestions {
    private KeySuggestions() {
    }

    /**
     * @param unknown a dotted path ({@code api.lissten}) or a lone top-level name ({@code apii})
     * @return the known path or section name the operator most likely meant
     */
    static Optional<String> suggest(String unknown) {
        String normalized = unknown.toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> candidates = normalized.indexOf('.') >= 0
                ? KeySchema.KEYS.stream().map(ConfigKey::path).toList()
                : KeySchema.sections();
        if (candidates.contains(normalized)) {
            return Optional.of(normalized);
        }
        Optional<String> closest = candidates.stream()
                .filter(candidate -> distance(normalized, candidate) <= Math.max(2, candidate.length() / 4))
                .min((a, b) -> Integer.compare(distance(normalized, a), distance(normalized, b)));
        return closest.isPresent() ? closest : sameNameInOtherSection(normalized);
    }

    /**
     * {@code api.pool-size} -> {@code store.pool-size}, {@code chain.seed} -> {@code chain.devnet.seed}: right key,
     * wrong section or group; only when unambiguous.
     */
    private static Optional<String> sameNameInOtherSection(String normalized) {
        String leaf = normalized.substring(normalized.lastIndexOf('.') + 1);
        List<String> matches = KeySchema.KEYS.stream()
                .filter(key -> key.path().substring(key.path().lastIndexOf('.') + 1).equals(leaf))
                .map(ConfigKey::path).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
