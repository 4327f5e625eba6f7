package dev.granary.chain;

/** The outcome of an executed message. {@code returnValue} is the method's CBOR return (empty on failure). */
public record MessageReceipt(long exitCode, byte[] returnValue, long gasUsed) {
    public MessageReceipt {
        returnValue = returnValue.clone();
    }

    public boolean ok() {
        return exitCode == ExitCode.OK;
    }

    @Override
    public byte[] returnValue() {
        return returnValue.clone();
    }
}
