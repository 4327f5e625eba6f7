package dev.granary.filecoin.market;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborType;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A deal proposal's label (go-state-types market.DealLabel): a CBOR text string or a CBOR byte string. The
 * two kinds stay distinct, even when empty, because the client's signature covers the CBOR major type.
 *
 * <p>{@link #text} and {@link #bytes} refuse labels over {@link #MAX_BYTES}, as go-state-types' constructors
 * and Boost's validation do. The decoder, like cbor-gen's, reads labels up to 2 MiB, so that an oversized
 * label is refused by validation with a reason rather than by the decoder with none; see {@link #isWithinLimit}.
 */
public sealed interface DealLabel permits DealLabel.Text, DealLabel.Bytes {
    /** go-state-types DealMaxLabelSize. */
    int MAX_BYTES = 256;
    /** cbor-gen's ByteArrayMaxLen, the label decoder's bound for both kinds. */
    int MAX_DECODED_BYTES = 2 << 20;
    /** Go's zero DealLabel, written as the empty text string {@code 60}. */
    DealLabel EMPTY = new Text("");

    CborCodec<DealLabel> CODEC = CborCodec.of(DealLabel::write, DealLabel::read);

    static DealLabel text(String text) {
        return checked(new Text(Fields.requireText(text, MAX_DECODED_BYTES, "label")));
    }

    static DealLabel bytes(byte[] bytes) {
        return checked(new Bytes(bytes.clone()));
    }

    /** True for a text label, false for a bytes label. */
    boolean isText();

    /** Length of the content in bytes (UTF-8 for text). */
    int byteLength();

    default boolean isWithinLimit() {
        return byteLength() <= MAX_BYTES;
    }

    /** A text label. Its content is always valid UTF-8: decoding refuses text strings that are not. */
    final class Text implements DealLabel {
        private final String value;

        private Text(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        @Override
        public boolean isText() {
            return true;
        }

        @Override
        public int byteLength() {
            return (int) Fields.utf8Length(value, "label");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text that && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "text:" + value;
        }
    }

    /** A bytes label: any bytes, not interpreted. */
    final class Bytes implements DealLabel {
        private final byte[] value;

        private Bytes(byte[] value) {
            this.value = value;
        }

        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean isText() {
            return false;
        }

        @Override
        public int byteLength() {
            return value.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "bytes:" + HexFormat.of().formatHex(value);
        }
    }

    private static DealLabel checked(DealLabel label) {
        if (!label.isWithinLimit()) {
            throw new IllegalArgumentException("deal label is " + label.byteLength() + " bytes, at most " + MAX_BYTES);
        }
        return label;
    }

    private static void write(CborWriter w, DealLabel label) {
        switch (label) {
            case Text text -> w.writeText(text.value);
            case Bytes bytes -> w.writeBytes(bytes.value);
        }
    }

    private static DealLabel read(CborReader r) {
        CborType type = r.peekType();
        return switch (type) {
            case TEXT -> new Text(r.readText(MAX_DECODED_BYTES));
            case BYTES -> new Bytes(r.readBytes(MAX_DECODED_BYTES));
            default -> {
                r.skip();
                throw r.fail("a deal label is a text or byte string, not " + type.description());
            }
        };
    }
}
