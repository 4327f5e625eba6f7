package dev.granary.filecoin;

/** go-state-types {@code crypto.SigType}: the first byte of a signature's wire form. */
public enum SignatureType {
    /** 65 bytes r ‖ s ‖ v over blake2b-256 of the message; signer is an f1 address. */
    SECP256K1(1),
    /** 96-byte compressed G2 point; signer is an f3 address (the 48-byte G1 public key). */
    BLS(2),
    /** 65 bytes r ‖ s ‖ v over keccak-256 of the message; signer is an f410 (Ethereum) address. */
    DELEGATED(3);

    private final int code;

    SignatureType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SignatureType fromCode(int code) {
        for (SignatureType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new SignatureFormatException("unknown signature type " + code + " (known: 1 secp256k1, 2 BLS, 3 delegated)");
    }
}
