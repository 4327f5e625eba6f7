package dev.granary.p2p.noise;

/**
 * The Noise CipherState: a key and a message counter. One instance per direction; not thread-safe, as each direction
 * of a connection is driven by one event loop.
 */
public final class CipherState {
    /** Noise reserves 2^64-1, so the last usable counter value is 2^64-2. */
    static final long RESERVED_NONCE = -1L;

    private byte[] key;
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
        checkNonce();
        byte[] sealed = ChaChaPoly.seal(key, nonceBytes(nonce), ad, plaintext, offset, length);
        nonce++;
        return sealed;
    }

    /** On failure the counter does not move, but callers must drop the connection anyway. */
    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseHandshakeException {
        return decryptWithAd(ad, ciphertext, 0, ciphertext.length);
    }

    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseHandshakeException {
        if (key == null) {
            return java.util.Arrays.copyOfRange(ciphertext, offset, offset + length);
        }
        checkNonce();
        byte[] opened = ChaChaPoly.open(key, nonceBytes(nonce), ad, ciphertext, offset, length);
        nonce++;
        return opened;
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
