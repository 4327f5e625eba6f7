package dev.granary.node.config;

import dev.granary.chain.devnet.SealProofs;
import dev.granary.node.config.ValueParser.InvalidValueException;
import dev.granary.store.impl.PostgresUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parsers behind each key's declared type; each one says precisely what it could not accept. */
final class ValueParsers {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([A-Za-z]*)");
    private static final Pattern DECIMAL_UNIT = Pattern.compile("(?i)[kmgt]b?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(?i)(ms|s|m|h)");
    private static final int MAX_SEED_CHARS = 256;

    private ValueParsers() {
    }

    static HostPort hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0 || text.endsWith("]")) {
            throw new InvalidValueException(null);
        }
        String hostPart = text.substring(0, colon);
        if (hostPart.isEmpty()) {
            throw new InvalidValueException("the host is missing (0.0.0.0 listens on all interfaces)");
        }
        int port = HostSyntax.port(text.substring(colon + 1));
        if (port < 0) {
            throw new InvalidValueException("the port must be a number from 0 to 65535");
        }
        if (hostPart.startsWith("[") && hostPart.endsWith("]") && hostPart.length() > 2) {
            String literal = hostPart.substring(1, hostPart.length() - 1);
            if (!HostSyntax.isIpv6(literal)) {
                throw new InvalidValueException("the part in brackets is not an IPv6 address");
            }
            return new HostPort(literal, port);
        }
        if (hostPart.indexOf(':') >= 0) {
            throw new InvalidValueException("write an IPv6 host in brackets, like [::1]:3051");
        }
        if (!HostSyntax.isHostnameOrIpv4(hostPart)) {
            throw new InvalidValueException("the host is not a hostname or IP address");
        }
        return new HostPort(hostPart, port);
    }

    /** Plain byte counts, or binary units so "4MiB" means exactly 4194304. */
    static long byteSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException(null);
        }
        long multiplier = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw new InvalidValueException(DECIMAL_UNIT.matcher(m.group(2)).matches()
                    ? "use the binary units KiB, MiB, GiB or TiB so the size is unambiguous"
                    : "the unit must be B, KiB, MiB, GiB or TiB");
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValueException("it is too large");
        }
        if (bytes < 1) {
            throw new InvalidValueException("it must be at least 1 byte");
        }
        return bytes;
    }

    static ValueParser<Integer> integerIn(int min, int max) {
        return text -> {
            if (!INTEGER.matcher(text).matches()) {
                throw new InvalidValueException(null);
            }
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new InvalidValueException(null);
            }
            return (int) value;
        };
    }

    /** Case-insensitive, normalised to the lower-case spelling listed. */
    static ValueParser<String> oneOf(List<String> choices) {
        return text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!choices.contains(lower)) {
                throw new InvalidValueException(null);
            }
            return lower;
        };
    }

    /** Empty selects the embedded store, so it is a legitimate value rather than a missing one. */
    static String postgresUrlOrEmpty(String text) {
        if (!text.isEmpty()) {
            try {
                PostgresUrl.parse(text); // the store's own parser: config accepts exactly what the store can open
            } catch (PostgresUrl.InvalidStoreUrlException e) {
                throw new InvalidValueException(e.problem());
            }
        }
        return text;
    }

    /** Binary units only, like every size here, then one of the sector sizes the devnet can seal. */
    static long sectorSize(String text) {
        long bytes = byteSize(text);
        if (!SealProofs.SECTOR_SIZES.contains(bytes)) {
            throw new InvalidValueException(bytes + " bytes is not a sector size");
        }
        return bytes;
    }

    /** "0" (a manual clock) or a whole number with a unit; a bare number is refused because its unit is a guess. */
    static ValueParser<Duration> durationUpTo(Duration max) {
        return text -> {
            if (text.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = DURATION.matcher(text);
            if (!m.matches()) {
                throw new InvalidValueException(text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                        ? "give a unit: ms, s, m or h" : null);
            }
            long amount = Long.parseLong(m.group(1));
            Duration duration = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (duration.compareTo(max) > 0) {
                throw new InvalidValueException("it must be at most " + max.toMinutes() + " minutes");
            }
            return duration;
        };
    }

    /** As {@link #durationUpTo} without the manual-clock zero: a timeout has to end some time. */
    static ValueParser<Duration> positiveDurationUpTo(Duration max) {
        ValueParser<Duration> any = durationUpTo(max);
        return text -> {
            Duration duration = any.parse(text);
            if (duration.isZero()) {
                throw new InvalidValueException("it must be longer than 0");
            }
            return duration;
        };
    }

    /** Empty selects the embedded devnet; otherwise a URL the Lotus adapter can dial. */
    static String chainUrlOrEmpty(String text) {
        if (text.isEmpty()) {
            return text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("it is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "ws", "wss").contains(scheme)) {
            throw new InvalidValueException("the scheme must be http, https, ws or wss");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidValueException("the host is missing");
        }
        return text;
    }

    /** Tokens travel in an HTTP header, so whitespace inside one can only be a copy-and-paste accident. */
    static String tokenOrEmpty(String text) {
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException("it contains whitespace");
        }
        return text;
    }

    static String seed(String text) {
        if (text.isEmpty() || text.length() > MAX_SEED_CHARS) {
            throw new InvalidValueException(null);
        }
        return text;
    }

    /** Empty disables the libp2p listener, so it is a legitimate value rather than a missing one. */
    static String multiaddrOrEmpty(String text) {
        if (!text.isEmpty()) {
            ListenMultiaddr.check(text);
        }
        return text;
    }
}
