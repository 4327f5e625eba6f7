package dev.granary.piece;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as people write them: {@code 2048}, {@code 2KiB}, {@code 32GiB}, {@code 8M} (units are binary). */
public final class SizeText {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgtp]?)(i?b)?");

    private SizeText() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(3) != null && m.group(3).equals("b") && !m.group(2).isEmpty())) {
            throw new IllegalArgumentException("'" + text + "' is not a size (write bytes, or e.g. 2KiB, 512MiB, 32GiB)");
        }
        int shift = switch (m.group(2)) {
            case "" -> 0;
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 50;
        };
        try {
            long value = Long.parseLong(m.group(1));
            if (value > Long.MAX_VALUE >> shift) {
                throw new IllegalArgumentException("'" + text + "' is too large");
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }

    /** The shortest exact binary-unit form: {@code 34359738368} → {@code 32GiB}. */
    public static String format(long bytes) {
        String[] units = {"PiB", "TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            int shift = 50 - 10 * i;
            if (bytes != 0 && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + units[i];
            }
        }
        return bytes + "B";
    }
}
