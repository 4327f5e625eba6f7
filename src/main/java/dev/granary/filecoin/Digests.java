package dev.granary.filecoin;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** The hashes Filecoin addresses and signatures use. */
final class Digests {
    private Digests() {
    }

    /**
     * BLAKE2b with the output length in its parameter block (Go's {@code blake2b.New(n)}); a truncated
     * blake2b-256 would give different bytes.
     */
    static byte[] blake2b(int bits, byte[]... parts) {
        return run(new Blake2bDigest(bits), parts);
    }

    static byte[] blake2b256(byte[] data) {
        return blake2b(256, data);
    }

    /** Legacy Keccak-256 as Ethereum uses it (not FIPS SHA3-256, whose padding differs). */
    static byte[] keccak256(byte[] data) {
        return run(new KeccakDigest(256), data);
    }

    private static byte[] run(Digest digest, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
