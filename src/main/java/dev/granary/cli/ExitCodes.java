package dev.granary.cli;

/** Exit codes every command uses. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation was rejected or failed. */
    public static final int FAILED = 1;
    /** Bad flags, arguments or configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
