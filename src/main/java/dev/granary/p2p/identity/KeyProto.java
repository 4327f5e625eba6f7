package dev.granary.p2p.identity;

import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Varint;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The {@code PublicKey}/{@code PrivateKey} protobuf (both have the shape {@code {1: KeyType, 2: bytes Data}}).
 * Encoding is the deterministic form peer IDs are derived from; decoding tolerates field order and unknown
 * fields, as protobuf readers in go and js do, but requires both fields exactly once.
 */
record KeyProto(KeyType type, byte[] data) {
    static byte[] encode(KeyType type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 8);
        out.write(0x08);
        Varint.write(type.code, out);
        out.write(0x12);
        Varint.write(data.length, out);
        out.write(data, 0, data.length);
        return out.toByteArray();
    }

    static KeyProto decode(byte[] in, int maxBytes, String what) {
        if (in.length > maxBytes) {
            throw new IdentityException(what + ": " + in.length + " bytes, over the limit of " + maxBytes);
        }
        try {
            return decodeFields(in, what);
        } catch (IpldFormatException e) {
            throw new IdentityException(what + ": " + e.getMessage(), e);
        }
    }

    private static KeyProto decodeFields(byte[] in, String what) {
        KeyType type = null;
        byte[] data = null;
        int at = 0;
        while (at < in.length) {
            Varint.Decoded key = Varint.decode(in, at);
            at += key.length();
            long field = key.value() >>> 3;
            int wireType = (int) (key.value() & 7);
            if (field == 0) {
                throw new IdentityException(what + ": protobuf field number 0");
            }
            if (wireType == 0) {
                Varint.Decoded value = Varint.decode(in, at);
                at += value.length();
                if (field == 1) {
                    if (type != null) {
                        throw new IdentityException(what + ": key type given twice");
                    }
                    type = KeyType.fromCode(value.value());
                }
            } else if (wireType == 2) {
                Varint.Decoded length = Varint.decode(in, at);
                at += length.length();
                if (length.value() > in.length - at) {
                    throw new IdentityException(what + ": field " + field + " truncated");
                }
                int end = at + (int) length.value();
                if (field == 2) {
                    if (data != null) {
                        throw new IdentityException(what + ": key data given twice");
                    }
                    data = Arrays.copyOfRange(in, at, end);
                }
                at = end;
            } else {
                throw new IdentityException(what + ": unsupported protobuf wire type " + wireType);
            }
            if ((field == 1 && wireType != 0) || (field == 2 && wireType != 2)) {
                throw new IdentityException(what + ": field " + field + " has wire type " + wireType);
            }
        }
        if (type == null || data == null) {
            throw new IdentityException(what + ": missing " + (type == null ? "key type" : "key data"));
        }
        return new KeyProto(type, data);
    }
}
