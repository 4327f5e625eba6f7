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

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageReceipt that && exitCode == that.exitCode && gasUsed == that.gasUsed
                && java.util.Arrays.equals(returnValue, that.returnValue);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(exitCode, gasUsed, java.util.Arrays.hashCode(returnValue));
    }

    @Override
    public String toString() {
        return "MessageReceipt[exitCode=" + exitCode + ", returnValue=" + java.util.HexFormat.of().formatHex(returnValue)
                + ", gasUsed=" + gasUsed + "]";
    }
}
