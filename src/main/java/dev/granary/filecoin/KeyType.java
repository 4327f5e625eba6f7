package dev.granary.filecoin;

import java.security.SecureRandom;

/** The kinds of account key the wallet holds; {@link #lotusName()} is the {@code Type} in Lotus key files. */
public enum KeyType {
    /** f1 account. */
    SECP256K1("secp256k1", SignatureType.SECP256K1),
    /** f3 account; the private key is 32 bytes little-endian. */
    BLS("bls", SignatureType.BLS),
    /** f410 Ethereum-style account: a secp256k1 key signing Keccak-256 digests. */
    DELEGATED("delegated", SignatureType.DELEGATED);

    private final String lotusName;
    private final SignatureType signatureType;

    KeyType(String lotusName, SignatureType signatureType) {
        this.lotusName = lotusName;
        this.signatureType = signatureType;
    }

    public String lotusName() {
        return lotusName;
    }

    public SignatureType signatureType() {
        return signatureType;
    }

    public static KeyType fromLotusName(String name) {
        for (KeyType type : values()) {
            if (type.lotusName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + name + "' (known: secp256k1, bls, delegated)");
    }

    byte[] generatePrivateKey(SecureRandom random) {
        return this == BLS ? Bls.generatePrivateKey(random) : Secp256k1.generatePrivateKey(random);
    }

    Address address(byte[] privateKey) {
        return switch (this) {
            case SECP256K1 -> Address.secp256k1(Secp256k1.publicKey(privateKey));
            case BLS -> Address.bls(Bls.publicKey(privateKey));
            case DELEGATED -> DelegatedSignatures.address(Secp256k1.publicKey(privateKey));
        };
    }

    Signature sign(byte[] privateKey, byte[] message) {
        byte[] data = switch (this) {
            case SECP256K1 -> Secp256k1.sign(privateKey, message);
            case BLS -> Bls.sign(privateKey, message);
            case DELEGATED -> DelegatedSignatures.sign(privateKey, message);
        };
        return new Signature(signatureType, data);
    }
}
