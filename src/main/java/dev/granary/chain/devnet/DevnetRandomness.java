package dev.granary.chain.devnet;

import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.TipSetKey;
import dev.granary.filecoin.chain.DagCborCids;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborWriter;
import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Everything the devnet derives from {@code chain.devnet.seed}, so two devnets with the same seed agree and a test can
 * predict them.
 *
 * <ul>
 *   <li>Tipset key of epoch {@code e} produced in reorg generation {@code g} (0 until the first reorg): one block CID,
 *       CIDv1 dag-cbor blake2b-256 over the CBOR array {@code ["granary-devnet-block", seed, e, g]}.</li>
 *   <li>Randomness base of epoch {@code e}: {@code blake2b-256("granary-devnet-ticket" ‖ seed ‖ e)} for the ticket
 *       chain, {@code blake2b-256("granary-devnet-beacon" ‖ seed ‖ e)} for the beacon ({@code e} as 8 bytes
 *       big-endian, seed as UTF-8). Reorgs do not change it: on the devnet randomness depends on the epoch only.</li>
 *   <li>Drawn randomness, as lotus' {@code DrawRandomness}: {@code blake2b-256(tag ‖ blake2b-256(base) ‖ e ‖ entropy)}
 *       with the domain separation tag and {@code e} as 8-byte big-endian integers.</li>
 * </ul>
 */
public final class DevnetRandomness {
    private final String seed;

    public DevnetRandomness(String seed) {
        this.seed = seed;
    }

    public TipSetKey tipSetKey(long epoch, long generation) {
        CborWriter w = new CborWriter().writeArrayHeader(4).writeText("granary-devnet-block").writeText(seed)
                .writeInt64(epoch).writeInt64(generation);
        return TipSetKey.of(blockCid(w.toBytes()));
    }

    public byte[] ticket(DomainSeparationTag tag, long epoch, byte[] entropy) {
        return draw(base("granary-devnet-ticket", epoch), tag, epoch, entropy);
    }

    public byte[] beacon(DomainSeparationTag tag, long epoch, byte[] entropy) {
        return draw(base("granary-devnet-beacon", epoch), tag, epoch, entropy);
    }

    private byte[] base(String chain, long epoch) {
        return blake2b(chain.getBytes(StandardCharsets.UTF_8), seed.getBytes(StandardCharsets.UTF_8), longBytes(epoch));
    }

    private static byte[] draw(byte[] base, DomainSeparationTag tag, long epoch, byte[] entropy) {
        return blake2b(longBytes(tag.value()), blake2b(base), longBytes(epoch), entropy);
    }

    private static Cid blockCid(byte[] cbor) {
        return DagCborCids.of(cbor);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static byte[] blake2b(byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
