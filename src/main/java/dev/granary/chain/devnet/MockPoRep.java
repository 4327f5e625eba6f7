package dev.granary.chain.devnet;

import dev.granary.filecoin.Address;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborWriter;
import dev.granary.piece.PaddedPieceSize;
import dev.granary.piece.PieceCids;
import dev.granary.piece.ZeroCommitments;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The devnet's proof of replication: deterministic bytes that the mock sealer produces and the devnet's miner actor
 * checks, in place of a Groth16 proof nobody can make without sealing. Anyone holding the sector's public inputs can
 * compute it; that is fine for a devnet, whose point is that everything around the proof behaves as on mainnet.
 *
 * <p>{@link #proof} of a sector is {@link SealProofs#proofBytes} long (192 bytes per PoRep partition: 192 for the
 * test sizes, 1,920 for 32 and 64 GiB). With {@code d = blake2b-256("granary-mock-porep-v1" ‖ minerId ‖ sectorNumber ‖
 * sealProof ‖ sealedCid ‖ unsealedCid ‖ ticket ‖ seed)} (integers as 8-byte big-endian, CIDs in binary), the proof is
 * {@code blake2b-256(d ‖ 0) ‖ blake2b-256(d ‖ 1) ‖ ...} (counters as 4-byte big-endian) cut to length.
 *
 * <p>The inputs are those the miner actor verifies with: {@code ticket} is the chain's ticket randomness for
 * {@code SEAL_RANDOMNESS} at the pre-commit's seal randomness epoch and {@code seed} its beacon randomness for
 * {@code INTERACTIVE_SEAL_CHALLENGE_SEED} at {@code preCommitEpoch + PreCommitChallengeDelay}, both drawn with
 * {@link #entropy} of the miner's ID address; {@code unsealedCid} is the pre-committed CommD, or for a sector without
 * data the CommD of an all-zero sector ({@link #zeroCommD}).
 *
 * <p>{@link #aggregate} stands for a SnarkPack proof over several sectors: 192 bytes derived the same way from
 * {@code blake2b-256("granary-mock-porep-aggregate-v1" ‖ proof 1 ‖ proof 2 ‖ ...)}, the per-sector proofs in the
 * order the message lists the sectors (ascending sector numbers for ProveCommitAggregate).
 */
public final class MockPoRep {
    private static final byte[] DOMAIN = "granary-mock-porep-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AGGREGATE_DOMAIN = "granary-mock-porep-aggregate-v1".getBytes(StandardCharsets.UTF_8);
    public static final int AGGREGATE_BYTES = SealProofs.BYTES_PER_PARTITION;

    private MockPoRep() {
    }

    public static byte[] proof(long minerId, long sectorNumber, long sealProof, Cid sealedCid, Cid unsealedCid,
                               byte[] ticket, byte[] seed) {
        long sectorSize = SealProofs.sectorSize(sealProof);
        if (sectorSize < 0) {
            throw new IllegalArgumentException("seal proof " + sealProof + " is not one the devnet seals");
        }
        byte[] digest = DevnetRandomness.blake2b(DOMAIN, longBytes(minerId), longBytes(sectorNumber),
                longBytes(sealProof), sealedCid.bytes(), unsealedCid.bytes(), ticket, seed);
        return expand(digest, SealProofs.proofBytes(sectorSize));
    }

    /** One proof standing for all of {@code proofs}, in the order given. */
    public static byte[] aggregate(List<byte[]> proofs) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(AGGREGATE_DOMAIN);
        proofs.forEach(all::writeBytes);
        return expand(DevnetRandomness.blake2b(all.toByteArray()), AGGREGATE_BYTES);
    }

    /** The entropy the miner actor draws sealing randomness with: its address in CBOR. */
    public static byte[] entropy(Address miner) {
        return new CborWriter().writeBytes(miner.bytes()).toBytes();
    }

    /** The unsealed CID of a sector holding no data (what a pre-commit without UnsealedCid stands for). */
    public static Cid zeroCommD(long sectorSize) {
        return PieceCids.v1(ZeroCommitments.forSize(PaddedPieceSize.of(sectorSize)));
    }

    private static byte[] expand(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int block = 0, at = 0; at < length; block++, at += 32) {
            byte[] part = DevnetRandomness.blake2b(digest, ByteBuffer.allocate(4).putInt(block).array());
            System.arraycopy(part, 0, out, at, Math.min(32, length - at));
        }
        return out;
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
