package dev.granary.p2p.noise;

import java.util.Arrays;

/**
 * A strict proto2 reader over a byte array: bounded varints, length-delimited fields that must fit, and skipping of
 * unknown fields by wire type. Every defect surfaces as a {@code BAD_PAYLOAD} exception.
 */
final class ProtoReader {
    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LENGTH_DELIMITED = 2;
    static final int WIRE_FIXED32 = 5;

    private final byte[] data;
    private final int end;
    private int position;

    ProtoReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    boolean hasMore() {
        return position < end;
    }

    /** @return the tag (field number << 3 | wire type); field number 0 and group wire types are rejected */
    int readTag() throws NoiseHandshakeException {
        long tag = readVarint();
        int wireType = (int) (tag & 7);
        long field = tag >>> 3;
        if (field == 0 || field > 0x1FFFFFFF) {
            throw malformed("invalid field number " + field);
        }
        if (wireType != WIRE_VARINT && wireType != WIRE_FIXED64 && wireType != WIRE_LENGTH_DELIMITED && wireType != WIRE_FIXED32) {
            throw malformed("unsupported wire type " + wireType);
        }
        return (int) tag;
    }

    long readVarint() throws NoiseHandshakeException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw malformed("truncated varint");
            }
            byte b = data[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("varint longer than 10 bytes");
    }

    byte[] readBytes(int maxLength) throws NoiseHandshakeException {
        int length = readLength();
        if (length > maxLength) {
            throw malformed("field of " + length + " bytes exceeds limit " + maxLength);
        }
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    void skip(int wireType) throws NoiseHandshakeException {
        switch (wireType) {
            case WIRE_VARINT -> readVarint();
            case WIRE_FIXED64 -> advance(8);
            case WIRE_FIXED32 -> advance(4);
            case WIRE_LENGTH_DELIMITED -> advance(readLength());
            default -> throw malformed("unsupported wire type " + wireType);
        }
    }

    private int readLength() throws NoiseHandshakeException {
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw malformed("length " + length + " runs past the end");
        }
        return (int) length;
    }

    private void advance(int count) throws NoiseHandshakeException {
        if (count > end - position) {
            throw malformed("field runs past the end");
        }
        position += count;
    }

    static NoiseHandshakeException malformed(String message) {
        return new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_PAYLOAD, message);
    }
}
