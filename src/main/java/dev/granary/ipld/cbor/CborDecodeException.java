package dev.granary.ipld.cbor;

import dev.granary.ipld.IpldFormatException;

/**
 * Bytes that are not a valid cbor-gen encoding of the type being read. The message starts with where the
 * reader was (for example {@code ClientDealProposal.Proposal > DealProposal.PieceSize}), then the problem and
 * the byte offset, so a rejected deal can be explained from the log line alone.
 */
public final class CborDecodeException extends IpldFormatException {
    private final String path;
    private final String problem;
    private final long offset;

    CborDecodeException(String path, String problem, long offset, Throwable cause) {
        super((path.isEmpty() ? "CBOR" : path) + ": " + problem + " at byte " + offset, cause);
        this.path = path;
        this.problem = problem;
        this.offset = offset;
    }

    /** Type and field names from the outermost struct to the innermost, or empty at the top level. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path and offset. */
    public String problem() {
        return problem;
    }

    /** Offset in the input of the item (or header byte) at fault. */
    public long offset() {
        return offset;
    }
}
