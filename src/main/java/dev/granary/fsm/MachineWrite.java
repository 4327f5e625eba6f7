package dev.granary.fsm;

/** Upsert {@code machine}, append {@code entry}, and drop entries older than the newest {@code logLimit}. */
public record MachineWrite(MachineRecord machine, LogEntry entry, int logLimit) {
}
