package dev.granary.filecoin.chain;

import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** CIDs of chain objects as lotus' {@code ToStorageBlock} makes them: CIDv1, dag-cbor, blake2b-256 of the CBOR. */
public final class DagCborCids {
    private DagCborCids() {
    }

    public static Cid of(byte[] cbor) {
        Blake2bDigest blake2b = new Blake2bDigest(256);
        blake2b.update(cbor, 0, cbor.length);
        byte[] digest = new byte[blake2b.getDigestSize()];
        blake2b.doFinal(digest, 0);
        return Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, digest));
    }
}
