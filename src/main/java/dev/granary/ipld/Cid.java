package dev.granary.ipld;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A content identifier. v0 is a bare sha2-256 multihash (dag-pb, base58btc text starting {@code Qm}); v1 is
 * {@code varint(1) ‖ varint(codec) ‖ multihash}, base32 lower text starting {@code b}. Immutable; equal when
 * the binary forms are equal.
 */
public final class Cid implements Comparable<Cid> {
    /** Longest binary CID we accept (codec and hash varints plus the multihash cap). */
    public static final int MAX_BYTES = 2 * Varint.MAX_BYTES + Varint.MAX_BYTES * 2 + Multihash.MAX_DIGEST_BYTES;

    private final int version;
    private final long codec;
    private final Multihash multihash;
    private final byte[] bytes;

    private Cid(int version, long codec, Multihash multihash) {
        this.version = version;
        this.codec = codec;
        this.multihash = multihash;
        this.bytes = encode(version, codec, multihash);
    }

    public static Cid v1(long codec, Multihash multihash) {
        return new Cid(1, codec, multihash);
    }

    public static Cid v0(Multihash multihash) {
        if (multihash.code() != Multicodec.SHA2_256 || multihash.digestLength() != 32) {
            throw new IllegalArgumentException("CIDv0 must be a 32-byte sha2-256 multihash");
        }
        return new Cid(0, Multicodec.DAG_PB, multihash);
    }

    public static Cid fromBytes(byte[] in) {
        Decoded decoded = decode(in, 0);
        if (decoded.length() != in.length) {
            throw new IpldFormatException("cid: " + (in.length - decoded.length()) + " trailing bytes");
        }
        return decoded.cid();
    }

    /** A CID read from the front of a byte array (CAR sections) and how many bytes it took. */
    public record Decoded(Cid cid, int length) {
    }

    public static Decoded decode(byte[] in, int offset) {
        if (in.length - offset >= 34 && in[offset] == 0x12 && in[offset + 1] == 0x20) {
            Multihash.Decoded mh = Multihash.decode(in, offset);
            return new Decoded(v0(mh.multihash()), mh.length());
        }
        Varint.Decoded version = Varint.decode(in, offset);
        if (version.value() != 1) {
            throw new IpldFormatException("cid: unsupported version " + version.value());
        }
        Varint.Decoded codec = Varint.decode(in, offset + version.length());
        Multihash.Decoded mh = Multihash.decode(in, offset + version.length() + codec.length());
        return new Decoded(v1(codec.value(), mh.multihash()), version.length() + codec.length() + mh.length());
    }

    public static Cid parse(String text) {
        if (text.length() == 46 && text.startsWith("Qm")) {
            return fromBytes(Multibase.decodeBase58(text));
        }
        Cid cid = fromBytes(Multibase.decode(text));
        if (cid.version == 0) {
            throw new IpldFormatException("cid: a v0 CID must be written in bare base58btc");
        }
        return cid;
    }

    public int version() {
        return version;
    }

    public long codec() {
        return codec;
    }

    public Multihash multihash() {
        return multihash;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int byteLength() {
        return bytes.length;
    }

    public Cid toV1() {
        return version == 1 ? this : v1(codec, multihash);
    }

    @Override
    public String toString() {
        return version == 0 ? Multibase.base58(bytes) : Multibase.encode(Multibase.Base.BASE32, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cid that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Cid other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    private static byte[] encode(int version, long codec, Multihash multihash) {
        if (version == 0) {
            return multihash.bytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(multihash.digestLength() + 8);
        Varint.write(1, out);
        Varint.write(codec, out);
        multihash.writeTo(out);
        return out.toByteArray();
    }
}
