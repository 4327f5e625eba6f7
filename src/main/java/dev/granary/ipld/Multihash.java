package dev.granary.ipld;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A multihash: hash function code and digest. Binary form {@code varint(code) ‖ varint(length) ‖ digest}.
 * The digest array is never handed out, so instances are immutable.
 */
public final class Multihash {
    /** Larger digests are refused when decoding (identity hashes of inlined blocks stay small in practice). */
    public static final int MAX_DIGEST_BYTES = 128;

    private final long code;
    private final byte[] digest;

    private Multihash(long code, byte[] digest) {
        this.code = code;
        this.digest = digest;
    }

    public static Multihash of(long code, byte[] digest) {
        if (code < 0) {
            throw new IllegalArgumentException("multihash code must not be negative");
        }
        if (digest.length > MAX_DIGEST_BYTES) {
            throw new IllegalArgumentException("multihash digest over " + MAX_DIGEST_BYTES + " bytes");
        }
        return new Multihash(code, digest.clone());
    }

    public static Multihash sha256(byte[] data) {
        try {
            return new Multihash(Multicodec.SHA2_256, MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    public static Multihash identity(byte[] data) {
        return of(Multicodec.IDENTITY, data);
    }

    /** A decoded multihash and how many bytes it took. */
    public record Decoded(Multihash multihash, int length) {
    }

    public static Decoded decode(byte[] in, int offset) {
        Varint.Decoded code = Varint.decode(in, offset);
        Varint.Decoded length = Varint.decode(in, offset + code.length());
        if (length.value() > MAX_DIGEST_BYTES) {
            throw new IpldFormatException("multihash: digest length " + length.value() + " over " + MAX_DIGEST_BYTES);
        }
        int start = offset + code.length() + length.length();
        int end = start + (int) length.value();
        if (end > in.length) {
            throw new IpldFormatException("multihash: digest truncated (" + (in.length - start) + " of " + length.value() + " bytes)");
        }
        return new Decoded(new Multihash(code.value(), Arrays.copyOfRange(in, start, end)), end - offset);
    }

    public static Multihash fromBytes(byte[] bytes) {
        Decoded decoded = decode(bytes, 0);
        if (decoded.length() != bytes.length) {
            throw new IpldFormatException("multihash: " + (bytes.length - decoded.length()) + " trailing bytes");
        }
        return decoded.multihash();
    }

    public long code() {
        return code;
    }

    public byte[] digest() {
        return digest.clone();
    }

    public int digestLength() {
        return digest.length;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(digest.length + 4);
        Varint.write(code, out);
        Varint.write(digest.length, out);
        out.write(digest, 0, digest.length);
        return out.toByteArray();
    }

    void writeTo(ByteArrayOutputStream out) {
        Varint.write(code, out);
        Varint.write(digest.length, out);
        out.write(digest, 0, digest.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Multihash that && code == that.code && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(code) * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "Multihash[0x" + Long.toHexString(code) + ", " + HexFormat.of().formatHex(digest) + "]";
    }
}
