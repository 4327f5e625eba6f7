package dev.granary.fsm;

/** What a transition does to the machine's state. */
public enum TargetKind {
    /** Move to the target state (which may be the current one) and run its entry handler. */
    TO,
    /** Stay in the current state and run its entry handler again (lotus' Restart). */
    REENTER,
    /** Stay, apply the action to the data, do not re-run the entry handler. */
    NO_CHANGE,
    /** Stay, keep the data; the event is only written to the machine's log. */
    JUST_RECORD
}
