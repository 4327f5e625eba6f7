package dev.granary.p2p.noise;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * The Noise CipherState: a key and a message counter. One instance per direction; not thread-safe, as each direction
 * of a connection is driven by one event loop.
 *
 * <p>One {@link Cipher} is kept per CipherState and re-initialised with the next nonce for every message. The JDK
 * refuses to encrypt twice under the same key and nonce; that never happens here because the counter only moves
 * forward (a failed decryption re-initialises with the same nonce, which decryption allows).
 */
public final class CipherState {
    /** Noise reserves 2^64-1, so the last usable counter value is 2^64-2. */
    static final long RESERVED_NONCE = -1L;

    private static final byte[] NO_AD = new byte[0];

    private byte[] key;
    private SecretKeySpec keySpec;
    private Cipher cipher;
    private long nonce;

    /** An empty CipherState: encryption is the identity until {@link #initializeKey} is called. */
    CipherState() {
    }

    CipherState(byte[] key, long nonce) {
        initializeKey(key);
        this.nonce = nonce;
    }

    void initializeKey(byte[] newKey) {
        if (newKey.length != ChaChaPoly.KEY_LENGTH) {
            throw new IllegalArgumentException("cipher key must be 32 bytes");
        }
        this.key = newKey.clone();
        this.keySpec = new SecretKeySpec(key, "ChaCha20");
        this.cipher = null;
        this.nonce = 0;
    }

    public boolean hasKey() {
        return key != null;
    }

    /** The counter the next message will use, as an unsigned 64-bit value. */
    public long nonce() {
        return nonce;
    }

    public byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws NoiseHandshakeException {
        return encryptWithAd(ad, plaintext, 0, plaintext.length);
    }

    public byte[] encryptWithAd(byte[] ad, byte[] plaintext, int offset, int length) throws NoiseHandshakeException {
        if (key == null) {
            return java.util.Arrays.copyOfRange(plaintext, offset, offset + length);
        }
        byte[] sealed = new byte[length + ChaChaPoly.TAG_LENGTH];
        encryptInto(ad, plaintext, offset, length, sealed, 0);
        return sealed;
    }

    /**
     * Seals {@code length} bytes into {@code out} at {@code outOffset} (ciphertext then tag) and returns the number of
     * bytes written, {@code length + 16}. Requires a key. {@code out} must not overlap the input.
     */
    int encryptInto(byte[] ad, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws NoiseHandshakeException {
        checkNonce();
        try {
            Cipher c = init(Cipher.ENCRYPT_MODE, ad);
            int written = c.doFinal(in, offset, length, out, outOffset);
            nonce++;
            return written;
        } catch (GeneralSecurityException e) {
            cipher = null; // never reuse a cipher left in an unknown state
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    /**
     * Seals the concatenation of {@code pieces} as one message into {@code out} at {@code outOffset} (ciphertext,
     * then tag) and returns the bytes written. The cipher reads each piece where it lies, so a message made of a
     * header and a body in different buffers costs no copy to join them. Requires a key.
     */
    int encryptPiecesInto(ByteBuffer[] pieces, byte[] out, int outOffset) throws NoiseHandshakeException {
        checkNonce();
        try {
            Cipher c = init(Cipher.ENCRYPT_MODE, NO_AD);
            int position = outOffset;
            for (ByteBuffer piece : pieces) {
                int length = piece.remaining();
                if (length == 0) {
                    continue;
                }
                if (piece.hasArray()) {
                    position += c.update(piece.array(), piece.arrayOffset() + piece.position(), length, out, position);
                } else {
                    byte[] copy = new byte[length]; // off-heap input: the JDK cipher only reads arrays
                    piece.duplicate().get(copy);
                    position += c.update(copy, 0, length, out, position);
                }
            }
            position += c.doFinal(NO_AD, 0, 0, out, position);
            nonce++;
            return position - outOffset;
        } catch (GeneralSecurityException e) {
            cipher = null;
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    /** On failure the counter does not move, but callers must drop the connection anyway. */
    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseHandshakeException {
        return decryptWithAd(ad, ciphertext, 0, ciphertext.length);
    }

    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseHandshakeException {
        if (key == null) {
            return java.util.Arrays.copyOfRange(ciphertext, offset, offset + length);
        }
        if (length < ChaChaPoly.TAG_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED, "ciphertext shorter than its tag");
        }
        byte[] opened = new byte[length - ChaChaPoly.TAG_LENGTH];
        decryptInto(ad, ciphertext, offset, length, opened, 0);
        return opened;
    }

    /**
     * Opens {@code length} bytes of ciphertext-and-tag into {@code out} at {@code outOffset} and returns the plaintext
     * length, {@code length - 16}. Requires a key. On failure the counter does not move.
     */
    int decryptInto(byte[] ad, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws NoiseHandshakeException {
        if (length < ChaChaPoly.TAG_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.TRUNCATED, "ciphertext shorter than its tag");
        }
        checkNonce();
        try {
            Cipher c = init(Cipher.DECRYPT_MODE, ad);
            int written = c.doFinal(in, offset, length, out, outOffset);
            nonce++;
            return written;
        } catch (AEADBadTagException e) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.DECRYPT_FAILED, "authentication tag mismatch", e);
        } catch (GeneralSecurityException e) {
            cipher = null;
            throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
        }
    }

    private Cipher init(int mode, byte[] ad) throws GeneralSecurityException {
        Cipher c = cipher;
        if (c == null) {
            c = Cipher.getInstance("ChaCha20-Poly1305");
            cipher = c;
        }
        c.init(mode, keySpec, new IvParameterSpec(nonceBytes(nonce)));
        if (ad.length > 0) {
            c.updateAAD(ad);
        }
        return c;
    }

    private void checkNonce() throws NoiseHandshakeException {
        if (nonce == RESERVED_NONCE) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.NONCE_EXHAUSTED,
                    "message counter exhausted; the session must be re-established");
        }
    }

    /** Noise's ChaChaPoly nonce: four zero bytes, then the counter little-endian. */
    static byte[] nonceBytes(long counter) {
        byte[] nonce = new byte[ChaChaPoly.NONCE_LENGTH];
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }
}
