package dev.granary.piece;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic payload behind data-segment's commp vector.csv: 64-byte blocks, block 0 = SHA-512 of nothing,
 * block k = SHA-512 of block k−1; a payload of n bytes is the stream's first n bytes.
 */
final class DataSegmentStream {
    private DataSegmentStream() {
    }

    static byte[] prefix(int n) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] out = new byte[n];
            byte[] block = sha512.digest(new byte[0]);
            for (int at = 0; at < n; at += 64) {
                System.arraycopy(block, 0, out, at, Math.min(64, n - at));
                block = sha512.digest(block);
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
