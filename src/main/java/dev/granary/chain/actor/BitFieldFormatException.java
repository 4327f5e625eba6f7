package dev.granary.chain.actor;

/** Bytes that are not an RLE+ bitfield the built-in actors would accept; the message names the rule broken. */
public final class BitFieldFormatException extends IllegalArgumentException {
    public BitFieldFormatException(String message) {
        super(message);
    }
}
