package dev.granary.fsm;

/**
 * One line of a machine's bounded event log.
 *
 * @param outcome applied, rejected, stale or error
 * @param detail  why it was rejected or what failed; null when applied
 */
public record LogEntry(long seq, long at, String event, String from, String to, String outcome, String detail) {
    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";
    public static final String STALE = "stale";
    public static final String ERROR = "error";
}
