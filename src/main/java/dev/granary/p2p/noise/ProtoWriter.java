package dev.granary.p2p.noise;

import java.io.ByteArrayOutputStream;

/** The few proto2 encodings the handshake payload needs, always in field order and with minimal varints. */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter bytesField(int field, byte[] value) {
        varint(((long) field << 3) | ProtoReader.WIRE_LENGTH_DELIMITED);
        varint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter varintField(int field, long value) {
        varint((long) field << 3);
        varint(value);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
