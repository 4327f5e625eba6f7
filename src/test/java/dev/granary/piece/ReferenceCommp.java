package dev.granary.piece;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The definition of CommP written as plainly as possible, to check the fast code against: Fr32 by the spec's
 * byte formulas, zero-fill to the full piece, hash every level with a fresh array per level.
 */
final class ReferenceCommp {
    private ReferenceCommp() {
    }

    static byte[] fr32(byte[] in127) {
        int[] in = new int[127];
        for (int i = 0; i < 127; i++) {
            in[i] = in127[i] & 0xFF;
        }
        byte[] out = new byte[128];
        for (int m = 0; m <= 30; m++) {
            out[m] = (byte) in[m];
        }
        out[31] = (byte) (in[31] & 0x3F);
        for (int m = 0; m <= 31; m++) {
            out[32 + m] = (byte) ((in[31 + m] >> 6) | (in[32 + m] << 2));
        }
        out[63] &= 0x3F;
        for (int m = 0; m <= 31; m++) {
            out[64 + m] = (byte) ((in[63 + m] >> 4) | (in[64 + m] << 4));
        }
        out[95] &= 0x3F;
        for (int m = 0; m <= 30; m++) {
            out[96 + m] = (byte) ((in[95 + m] >> 2) | (in[96 + m] << 6));
        }
        out[127] = (byte) (in[126] >> 2);
        return out;
    }

    static byte[] commP(byte[] payload) {
        long padded = PaddedPieceSize.forPayload(payload.length).bytes();
        byte[] filled = Arrays.copyOf(payload, (int) (padded / 128 * 127));
        byte[] layer = new byte[(int) padded];
        for (int q = 0; q < filled.length / 127; q++) {
            System.arraycopy(fr32(Arrays.copyOfRange(filled, q * 127, q * 127 + 127)), 0, layer, q * 128, 128);
        }
        while (layer.length > 32) {
            byte[] next = new byte[layer.length / 2];
            for (int i = 0; i < next.length / 32; i++) {
                byte[] node = sha256(Arrays.copyOfRange(layer, 64 * i, 64 * i + 64));
                node[31] &= 0x3F;
                System.arraycopy(node, 0, next, 32 * i, 32);
            }
            layer = next;
        }
        return layer;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
