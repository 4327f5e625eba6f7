package dev.granary.p2p.noise;

import org.junit.jupiter.api.Test;

import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.DECRYPT_FAILED;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.NONCE_EXHAUSTED;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CipherStateTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] AD = {1, 2, 3};

    @Test
    void eachMessageAdvancesTheCounterAndUsesItAsNonce() throws Exception {
        CipherState sender = new CipherState(KEY, 0);
        CipherState receiver = new CipherState(KEY, 0);
        byte[] first = sender.encryptWithAd(AD, new byte[]{42});
        byte[] second = sender.encryptWithAd(AD, new byte[]{42});
        assertEquals(2, sender.nonce());
        assertFalse(java.util.Arrays.equals(first, second), "same plaintext, different nonce, different ciphertext");
        assertArrayEquals(ChaChaPoly.seal(KEY, CipherState.nonceBytes(1), AD, new byte[]{42}, 0, 1), second);
        assertArrayEquals(new byte[]{42}, receiver.decryptWithAd(AD, first));
        assertArrayEquals(new byte[]{42}, receiver.decryptWithAd(AD, second));
    }

    @Test
    void replayedReorderedOrWrongAdMessagesFail() throws Exception {
        CipherState sender = new CipherState(KEY, 0);
        byte[] first = sender.encryptWithAd(AD, new byte[]{1});
        byte[] second = sender.encryptWithAd(AD, new byte[]{2});
        CipherState receiver = new CipherState(KEY, 0);
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class, () -> receiver.decryptWithAd(AD, second)).reason());
        assertEquals(0, receiver.nonce(), "a failed decrypt does not consume a nonce");
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class,
                () -> receiver.decryptWithAd(new byte[0], first)).reason());
        receiver.decryptWithAd(AD, first);
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class, () -> receiver.decryptWithAd(AD, first)).reason());
    }

    @Test
    void ciphertextShorterThanATagIsTruncated() {
        CipherState receiver = new CipherState(KEY, 0);
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class, () -> receiver.decryptWithAd(AD, new byte[15])).reason());
    }

    @Test
    void theReservedLastNonceIsNeverUsed() throws Exception {
        CipherState sender = new CipherState(KEY, -3L);
        CipherState receiver = new CipherState(KEY, -3L);
        receiver.decryptWithAd(AD, sender.encryptWithAd(AD, new byte[0]));
        receiver.decryptWithAd(AD, sender.encryptWithAd(AD, new byte[0]));
        assertEquals(-1L, sender.nonce());
        assertEquals(NONCE_EXHAUSTED, assertThrows(NoiseHandshakeException.class, () -> sender.encryptWithAd(AD, new byte[0])).reason());
        assertEquals(NONCE_EXHAUSTED, assertThrows(NoiseHandshakeException.class, () -> receiver.decryptWithAd(AD, new byte[16])).reason());
    }

    @Test
    void withoutAKeyDataPassesThrough() throws Exception {
        CipherState empty = new CipherState();
        assertFalse(empty.hasKey());
        assertArrayEquals(new byte[]{9}, empty.encryptWithAd(AD, new byte[]{9}));
        assertArrayEquals(new byte[]{9}, empty.decryptWithAd(AD, new byte[]{9}));
        assertEquals(0, empty.nonce());
    }
}
