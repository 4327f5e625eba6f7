package dev.granary.p2p.identity;

/**
 * Reading and writing the libp2p {@code PublicKey} protobuf, with size limits per key type so a peer cannot make
 * us parse or hash megabytes, and signature checks for all four key types.
 */
public final class PublicKeys {
    /** An 8192-bit RSA key (the largest go accepts) is about 1.1 KB as PKIX DER; anything bigger is refused. */
    public static final int MAX_ENCODED_BYTES = 1200;
    static final int MAX_DER_BYTES = 1150;

    private PublicKeys() {
    }

    public static PublicKey decode(byte[] encoded) {
        KeyProto proto = KeyProto.decode(encoded, MAX_ENCODED_BYTES, "public key");
        checkDataLength(proto.type(), proto.data().length);
        return new PublicKey(proto.type(), proto.data());
    }

    public static byte[] encode(KeyType type, byte[] data) {
        checkDataLength(type, data.length);
        return KeyProto.encode(type, data);
    }

    public static PublicKey of(KeyType type, byte[] data) {
        checkDataLength(type, data.length);
        return new PublicKey(type, data);
    }

    /**
     * Checks a signature made by the key in {@code publicKeyProto}. A malformed key throws {@link IdentityException};
     * a malformed or wrong signature just returns false, as callers treat both the same way.
     */
    public static boolean verify(byte[] publicKeyProto, byte[] message, byte[] signature) {
        return decode(publicKeyProto).verify(message, signature);
    }

    private static void checkDataLength(KeyType type, int length) {
        boolean ok = switch (type) {
            case ED25519 -> length == 32;
            // go's decred parser also takes the 65-byte uncompressed form; the spec's form is the 33-byte one
            case SECP256K1 -> length == 33 || length == 65;
            case ECDSA, RSA -> length > 0 && length <= MAX_DER_BYTES;
        };
        if (!ok) {
            throw new IdentityException(type + " public key data of " + length + " bytes");
        }
    }
}
