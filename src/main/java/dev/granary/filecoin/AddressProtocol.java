package dev.granary.filecoin;

/** The first byte of a binary address (and the digit after the network letter in text). */
public enum AddressProtocol {
    /** Actor ID assigned by the init actor; payload is its LEB128 varint. */
    ID(0),
    /** Account keyed by a secp256k1 public key; payload is blake2b-160 of the uncompressed key. */
    SECP256K1(1),
    /** Actor created by another actor; payload is blake2b-160 of its creation data. */
    ACTOR(2),
    /** Account keyed by a BLS12-381 public key; payload is the 48-byte compressed G1 key. */
    BLS(3),
    /** FIP-0048 delegated address: namespace actor ID and a sub-address (f410… for Ethereum accounts). */
    DELEGATED(4);

    private final int code;

    AddressProtocol(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static AddressProtocol fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new AddressFormatException("unknown address protocol " + code + " (known: 0 ID, 1 secp256k1, 2 actor, 3 BLS, 4 delegated)");
        }
        return values()[code];
    }
}
