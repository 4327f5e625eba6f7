package dev.granary.p2p.identity;

/** The libp2p {@code KeyType} enum; the numbers are the protobuf wire values. */
public enum KeyType {
    RSA(0), ED25519(1), SECP256K1(2), ECDSA(3);

    public final int code;

    KeyType(int code) {
        this.code = code;
    }

    public static KeyType fromCode(long code) {
        for (KeyType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IdentityException("unknown key type " + code);
    }
}
