package dev.granary.fsm;

/**
 * A machine as the store keeps it.
 *
 * @param version  transitions applied so far (1 after creation)
 * @param logSeq   sequence number of the newest log entry
 * @param terminal the state is final
 * @param deadline epoch millis when the state's timeout fires, or null
 */
public record MachineRecord(String type, String id, String state, String data, long version, long logSeq,
                            boolean terminal, Long deadline, long updatedAt) {
}
