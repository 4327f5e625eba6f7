package dev.granary.p2p.identity;

import dev.granary.ipld.Cid;
import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Multibase;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;

import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer ID: the multihash of a serialized {@code PublicKey}. Keys of at most 42 encoded bytes are inlined
 * with the identity hash (so the key can be recovered from the ID), larger ones are SHA-256 hashed.
 */
public final class PeerId {
    /** Multicodec {@code libp2p-key}, the codec of peer IDs written as CIDs. */
    public static final long LIBP2P_KEY_CODEC = 0x72;
    public static final int MAX_INLINE_KEY_BYTES = 42;
    /** Longer texts cannot be a peer ID; the cap keeps quadratic base58 decoding cheap on hostile input. */
    private static final int MAX_TEXT_CHARS = 128;

    private final byte[] bytes;

    private PeerId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PeerId fromPublicKey(byte[] publicKeyProto) {
        PublicKeys.decode(publicKeyProto);
        Multihash multihash = publicKeyProto.length <= MAX_INLINE_KEY_BYTES
                ? Multihash.identity(publicKeyProto) : Multihash.sha256(publicKeyProto);
        return new PeerId(multihash.bytes());
    }

    public static PeerId fromPublicKey(PublicKey key) {
        return fromPublicKey(key.bytes());
    }

    /** From the binary form (as carried in multiaddrs and protobufs): an identity or sha2-256 multihash. */
    public static PeerId fromBytes(byte[] bytes) {
        Multihash multihash;
        try {
            multihash = Multihash.fromBytes(bytes);
        } catch (IpldFormatException e) {
            throw new IdentityException("peer id: " + e.getMessage(), e);
        }
        return fromMultihash(multihash);
    }

    private static PeerId fromMultihash(Multihash multihash) {
        if (multihash.code() == Multicodec.IDENTITY) {
            if (multihash.digestLength() > MAX_INLINE_KEY_BYTES) {
                throw new IdentityException("peer id: inlined key of " + multihash.digestLength() + " bytes, over 42");
            }
            PublicKeys.decode(multihash.digest());
        } else if (multihash.code() != Multicodec.SHA2_256 || multihash.digestLength() != 32) {
            throw new IdentityException("peer id: multihash 0x" + Long.toHexString(multihash.code())
                    + " of " + multihash.digestLength() + " bytes is neither identity nor sha2-256");
        }
        return new PeerId(multihash.bytes());
    }

    /** Parses the legacy base58btc form ({@code 12D3KooW…}, {@code Qm…}) or a CIDv1 with codec libp2p-key. */
    public static PeerId parse(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT_CHARS) {
            throw new IdentityException("peer id: text of " + text.length() + " characters");
        }
        try {
            if (text.startsWith("1") || text.startsWith("Qm")) {
                return fromBytes(Multibase.decodeBase58(text));
            }
            Cid cid = Cid.fromBytes(Multibase.decode(text));
            if (cid.version() != 1 || cid.codec() != LIBP2P_KEY_CODEC) {
                throw new IdentityException("peer id: CID codec 0x" + Long.toHexString(cid.codec()) + " is not libp2p-key");
            }
            return fromMultihash(cid.multihash());
        } catch (IpldFormatException e) {
            throw new IdentityException("peer id '" + text + "': " + e.getMessage(), e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key itself for identity-hashed IDs (Ed25519, secp256k1); empty when the ID is only a hash. */
    public Optional<PublicKey> publicKey() {
        Multihash multihash = Multihash.fromBytes(bytes);
        return multihash.code() == Multicodec.IDENTITY
                ? Optional.of(PublicKeys.decode(multihash.digest())) : Optional.empty();
    }

    public boolean matches(PublicKey key) {
        return equals(key.peerId());
    }

    public String toBase58() {
        return Multibase.base58(bytes);
    }

    /** CIDv1, codec libp2p-key, base32 multibase ({@code bafz…}). */
    public String toCid() {
        return Cid.v1(LIBP2P_KEY_CODEC, Multihash.fromBytes(bytes)).toString();
    }

    @Override
    public String toString() {
        return toBase58();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
