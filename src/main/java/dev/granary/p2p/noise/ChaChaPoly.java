package dev.granary.p2p.noise;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** IETF ChaCha20-Poly1305 (RFC 8439) with raw 12-byte nonces; output is ciphertext followed by the 16-byte tag. */
final class ChaChaPoly {
    static final int TAG_LENGTH = 16;
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 12;

    private ChaChaPoly() {
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] ad, byte[] plaintext, int offset, int length) {
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, key, nonce, ad);
            return cipher.doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    static byte[] open(byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext, int offset, int length)
            throws NoiseHandshakeException {
        if (length < TAG_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED, "ciphertext shorter than its tag");
        }
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, key, nonce, ad);
            return cipher.doFinal(ciphertext, offset, length);
        } catch (AEADBadTagException e) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.DECRYPT_FAILED, "authentication tag mismatch", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
        }
    }

    // A fresh Cipher per message: the JDK refuses re-initialising one for the same key and nonce, and a per-call
    // instance keeps CipherState free of half-initialised state after a failure.
    private static Cipher init(int mode, byte[] key, byte[] nonce, byte[] ad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        cipher.updateAAD(ad);
        return cipher;
    }
}
