package dev.granary.filecoin;

import java.util.Arrays;

/**
 * Signatures of Ethereum-style accounts (f410 addresses, signature type 3) as Lotus checks them: the same
 * 65-byte recoverable secp256k1 form as f1, but over legacy Keccak-256 of the message, and the signer is the
 * f4 address in namespace 10 whose sub-address is the Ethereum address (last 20 bytes of Keccak-256 of the
 * public key without its 0x04 prefix). CPU work: run off the event loop.
 */
public final class DelegatedSignatures {
    private DelegatedSignatures() {
    }

    /** The f410 address of an uncompressed secp256k1 public key. */
    public static Address address(byte[] uncompressedPublicKey) {
        if (uncompressedPublicKey.length != Secp256k1.PUBLIC_KEY_BYTES || uncompressedPublicKey[0] != 0x04) {
            throw new IllegalArgumentException("secp256k1 public key must be 65 bytes starting 0x04 (uncompressed)");
        }
        byte[] hash = Digests.keccak256(Arrays.copyOfRange(uncompressedPublicKey, 1, uncompressedPublicKey.length));
        return Address.ethereum(Arrays.copyOfRange(hash, hash.length - Address.HASH_PAYLOAD_BYTES, hash.length));
    }

    /** Signs Keccak-256 of {@code message}: 65 bytes r ‖ s ‖ v (v = 0 or 1), deterministic and low-S. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        return Secp256k1.signDigest(privateKey, Digests.keccak256(message));
    }

    public static byte[] recover(byte[] signature, byte[] message) {
        return Secp256k1.recoverFromDigest(signature, Digests.keccak256(message));
    }

    public static boolean verify(byte[] signature, byte[] message, Address signer) {
        if (signer.protocol() != AddressProtocol.DELEGATED || signer.namespace() != Address.ETHEREUM_NAMESPACE) {
            return false;
        }
        try {
            return address(recover(signature, message)).equals(signer);
        } catch (SignatureFormatException e) {
            return false;
        }
    }
}
