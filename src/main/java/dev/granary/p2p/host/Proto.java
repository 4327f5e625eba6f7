package dev.granary.p2p.host;

import io.vertx.core.buffer.Buffer;

import java.util.function.BiConsumer;

/** The protobuf subset identify needs: varints and length-delimited fields, skipping fields we do not know. */
final class Proto {
    private static final int VARINT = 0;
    private static final int I64 = 1;
    private static final int LEN = 2;
    private static final int I32 = 5;

    private Proto() {
    }

    static void writeVarint(Buffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.appendByte((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.appendByte((byte) value);
    }

    static void writeBytes(Buffer out, int field, byte[] value) {
        writeVarint(out, ((long) field << 3) | LEN);
        writeVarint(out, value.length);
        out.appendBytes(value);
    }

    /** Reads a varint at {@code position[0]}, advancing it. */
    static long readVarint(Buffer in, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= in.length()) {
                throw new IllegalArgumentException("truncated varint");
            }
            byte b = in.getByte(position[0]++);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }

    /** Calls {@code lengthDelimited} for every wire-type-2 field; other wire types are skipped. */
    static void forEachBytesField(Buffer message, BiConsumer<Integer, byte[]> lengthDelimited) {
        int[] position = {0};
        while (position[0] < message.length()) {
            long key = readVarint(message, position);
            int field = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case VARINT -> readVarint(message, position);
                case I64 -> skip(message, position, 8);
                case I32 -> skip(message, position, 4);
                case LEN -> {
                    long length = readVarint(message, position);
                    skip(message, position, length);
                    lengthDelimited.accept(field, message.getBytes(position[0] - (int) length, position[0]));
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + (key & 7));
            }
        }
    }

    private static void skip(Buffer message, int[] position, long count) {
        if (count < 0 || count > message.length() - position[0]) {
            throw new IllegalArgumentException("protobuf field runs past the message end");
        }
        position[0] += (int) count;
    }
}
