package dev.granary.ipld.cbor;

/** What the next item is, as {@link CborReader#peekType()} reports it; a tag 42 CID counts as one item. */
public enum CborType {
    UNSIGNED("an unsigned integer"),
    NEGATIVE("a negative integer"),
    BYTES("a byte string"),
    TEXT("a text string"),
    ARRAY("an array"),
    MAP("a map"),
    CID("a CID (tag 42)"),
    BOOL("a boolean"),
    NULL("null"),
    FLOAT("a 64-bit float");

    private final String description;

    CborType(String description) {
        this.description = description;
    }

    /** With its article, for messages: "expected a byte string, found a text string". */
    public String description() {
        return description;
    }
}
