package dev.granary.chain;

/** Exit codes of the Filecoin VM and built-in actors that the port's users look at. */
public final class ExitCode {
    public static final long OK = 0;
    public static final long SYS_ERR_SENDER_INVALID = 1;
    public static final long SYS_ERR_SENDER_STATE_INVALID = 2;
    public static final long SYS_ERR_ILLEGAL_INSTRUCTION = 4;
    public static final long SYS_ERR_INVALID_RECEIVER = 5;
    public static final long SYS_ERR_INSUFFICIENT_FUNDS = 6;
    public static final long SYS_ERR_OUT_OF_GAS = 7;
    public static final long ERR_ILLEGAL_ARGUMENT = 16;
    public static final long ERR_NOT_FOUND = 17;
    public static final long ERR_FORBIDDEN = 18;
    public static final long ERR_INSUFFICIENT_FUNDS = 19;
    public static final long ERR_ILLEGAL_STATE = 20;
    public static final long ERR_SERIALIZATION = 21;
    public static final long ERR_UNHANDLED_MESSAGE = 22;

    private ExitCode() {
    }

    public static String name(long code) {
        return switch ((int) code) {
            case 0 -> "Ok";
            case 1 -> "SysErrSenderInvalid";
            case 2 -> "SysErrSenderStateInvalid";
            case 4 -> "SysErrIllegalInstruction";
            case 5 -> "SysErrInvalidReceiver";
            case 6 -> "SysErrInsufficientFunds";
            case 7 -> "SysErrOutOfGas";
            case 16 -> "ErrIllegalArgument";
            case 17 -> "ErrNotFound";
            case 18 -> "ErrForbidden";
            case 19 -> "ErrInsufficientFunds";
            case 20 -> "ErrIllegalState";
            case 21 -> "ErrSerialization";
            case 22 -> "ErrUnhandledMessage";
            default -> "ExitCode(" + code + ")";
        };
    }
}
