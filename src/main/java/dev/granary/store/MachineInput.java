package dev.granary.store;

import dev.granary.fsm.LogEntry;
import dev.granary.fsm.MachineRecord;
import dev.granary.fsm.MachineWrite;

import static dev.granary.store.MachineRepository.MAX_DATA_BYTES;
import static dev.granary.store.MachineRepository.MAX_DETAIL_CHARS;
import static dev.granary.store.MachineRepository.MAX_ID_CHARS;
import static dev.granary.store.MachineRepository.MAX_STATE_CHARS;

/**
 * What {@link MachineRepository} accepts, checked before anything reaches the database so that a bad
 * write fails the same way on both backends, naming the field and the machine. Besides the sizes, text
 * must be storable unchanged everywhere: Postgres refuses U+0000 in TEXT, and an unpaired surrogate
 * would come back from the UTF-8 round trip as '?'.
 */
final class MachineInput {
    /** Ids in messages are cut to this, so a megabyte id does not become a megabyte message. */
    private static final int SHOWN_ID_CHARS = 80;

    private MachineInput() {
    }

    /** Why {@code write} cannot be stored, or null when it can. */
    static String problem(MachineWrite write) {
        if (write == null || write.machine() == null) {
            return "fsm write must have a machine, got " + write;
        }
        MachineRecord m = write.machine();
        String problem = keyProblem(m.type(), m.id());
        if (problem != null) {
            return problem;
        }
        String machine = "fsm machine " + name(m.type(), m.id());
        if (write.entry() == null) {
            return machine + ": the write has no log entry";
        }
        if (m.state() == null || m.state().isEmpty()) {
            return machine + ": state must not be empty";
        }
        if (m.state().length() > MAX_STATE_CHARS) {
            return machine + ": state is " + m.state().length() + " characters, longer than the limit of " + MAX_STATE_CHARS;
        }
        if (m.data() == null) {
            return machine + ": data must not be null (encode nothing as an empty string)";
        }
        long bytes = utf8Length(m.data());
        if (bytes > MAX_DATA_BYTES) {
            return machine + ": data is " + bytes + " bytes (UTF-8), over the limit of " + MAX_DATA_BYTES;
        }
        if (write.logLimit() < 1) {
            return machine + ": logLimit must be at least 1, got " + write.logLimit();
        }
        LogEntry e = write.entry();
        if (e.event() == null) {
            return machine + ": log entry " + e.seq() + " has no event";
        }
        if (e.outcome() == null) {
            return machine + ": log entry " + e.seq() + " has no outcome";
        }
        String[] fields = {"type", "id", "state", "data", "event", "from", "to", "outcome"};
        String[] values = {m.type(), m.id(), m.state(), m.data(), e.event(), e.from(), e.to(), e.outcome()};
        for (int i = 0; i < fields.length; i++) {
            problem = textProblem(values[i]);
            if (problem != null) {
                return machine + ": " + fields[i] + " " + problem;
            }
        }
        return null;
    }

    /** Why {@code type} and {@code id} cannot name a machine, or null. */
    static String keyProblem(String type, String id) {
        String problem = typeProblem(type);
        if (problem != null) {
            return problem + (id == null || id.isEmpty() ? "" : " (id " + shown(id) + ")");
        }
        if (id == null || id.isEmpty()) {
            return "fsm machine " + shown(type) + "/?: id must not be empty";
        }
        if (id.length() > MAX_ID_CHARS) {
            return "fsm machine " + name(type, id) + ": id is " + id.length() + " characters, longer than the limit of "
                    + MAX_ID_CHARS;
        }
        return null;
    }

    /** Why {@code type} cannot name a kind of machine, or null. */
    static String typeProblem(String type) {
        return type == null || type.isEmpty() ? "fsm machine type must not be empty" : null;
    }

    /**
     * A log detail as stored: cut to {@link MachineRepository#MAX_DETAIL_CHARS} (never through a surrogate
     * pair), with U+0000 and unpaired surrogates replaced by U+FFFD. A detail explains a failure, so it
     * must never become one.
     */
    static String detail(String detail) {
        if (detail == null) {
            return null;
        }
        int end = Math.min(detail.length(), MAX_DETAIL_CHARS);
        if (end < detail.length() && Character.isHighSurrogate(detail.charAt(end - 1))
                && Character.isLowSurrogate(detail.charAt(end))) {
            end--;
        }
        String cut = detail.substring(0, end);
        if (textProblem(cut) == null) {
            return cut;
        }
        StringBuilder clean = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = cut.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(cut.charAt(i + 1))) {
                clean.append(c).append(cut.charAt(++i));
            } else {
                clean.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.toString();
    }

    /** Why {@code text} would not survive either backend unchanged, or null (also for null text). */
    static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains U+0000 at index " + i + ", which Postgres cannot store";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "has an unpaired surrogate at index " + i + ", which is not valid Unicode";
            }
        }
        return null;
    }

    /** Bytes of {@code text} in UTF-8, counting an unpaired surrogate as the 3 bytes of its replacement. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String name(String type, String id) {
        return shown(type) + "/" + shown(id);
    }

    private static String shown(String name) {
        return name.length() <= SHOWN_ID_CHARS ? name : name.substring(0, SHOWN_ID_CHARS) + "...";
    }
}
