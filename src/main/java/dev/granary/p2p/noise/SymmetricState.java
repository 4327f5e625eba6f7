package dev.granary.p2p.noise;

import java.nio.charset.StandardCharsets;

/** The Noise SymmetricState: chaining key, handshake hash and the handshake CipherState. */
public final class SymmetricState {
    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";

    private final CipherState cipher = new CipherState();
    private byte[] chainingKey;
    private byte[] handshakeHash;

    SymmetricState() {
        // The name is exactly HASHLEN bytes, so Noise uses it verbatim instead of hashing it.
        byte[] name = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
        handshakeHash = name;
        chainingKey = name.clone();
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[][] outputs = NoiseCrypto.hkdf2(chainingKey, inputKeyMaterial);
        chainingKey = outputs[0];
        cipher.initializeKey(outputs[1]);
    }

    void mixHash(byte[] data) {
        handshakeHash = NoiseCrypto.sha256(handshakeHash, data);
    }

    byte[] encryptAndHash(byte[] plaintext) throws NoiseHandshakeException {
        byte[] ciphertext = cipher.encryptWithAd(handshakeHash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) throws NoiseHandshakeException {
        byte[] plaintext = cipher.decryptWithAd(handshakeHash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    /** @return {first, second}: the initiator sends with the first, the responder with the second */
    CipherState[] split() {
        byte[][] keys = NoiseCrypto.hkdf2(chainingKey, new byte[0]);
        return new CipherState[]{new CipherState(keys[0], 0), new CipherState(keys[1], 0)};
    }
}
