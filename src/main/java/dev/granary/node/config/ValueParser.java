package dev.granary.node.config;

/**
 * Turns the text of one setting into its typed value.
 *
 * <p>Every source is reduced to text first (YAML scalars included) so that a value means the same
 * thing whether it came from the file, the environment or the command line.
 */
@FunctionalInterface
public interface ValueParser<T> {

    /** @throws InvalidValueException when the text is not acceptable; never any other exception */
    T parse(String text);

    /** Raised by parsers; the loader adds key, value and source to make it an operator-facing line. */
    final class InvalidValueException extends RuntimeException {
        private final String detail;

        /** @param detail what specifically is wrong, or null when "is not <expected>" says it all */
        public InvalidValueException(String detail) {
            super(detail, null, false, false);
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }
}
