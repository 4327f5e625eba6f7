package dev.granary.chain.devnet;

import java.util.List;

/**
 * The registered seal proofs the devnet miner accepts (go-state-types abi.RegisteredSealProof): the V1_1 family and
 * its SyntheticPoRep variant, one per sector size.
 */
public final class SealProofs {
    public static final List<Long> SECTOR_SIZES = List.of(2048L, 8L << 20, 512L << 20, 32L << 30, 64L << 30);
    /** StackedDrg2KiBV1_1 .. StackedDrg64GiBV1_1. */
    private static final long V1_1_FIRST = 5;
    /** StackedDrg2KiBV1_1_Feat_SyntheticPoRep .. 64GiB. */
    private static final long SYNTHETIC_FIRST = 10;
    /** Proof bytes per PoRep partition (one Groth16 proof). */
    public static final int BYTES_PER_PARTITION = 192;
    /** Window PoSt partition sizes (WindowPoStPartitionSectors) by sector size, as in go-state-types. */
    private static final List<Long> WINDOW_POST_PARTITION_SECTORS = List.of(2L, 2L, 2L, 2349L, 2300L);

    private SealProofs() {
    }

    public static void requireSectorSize(long bytes) {
        if (!SECTOR_SIZES.contains(bytes)) {
            throw new IllegalArgumentException("sector size " + bytes + " is not one of 2KiB, 8MiB, 512MiB, 32GiB, 64GiB");
        }
    }

    /** The V1_1 seal proof for a sector size (what lotus pre-commits with). */
    public static long v1_1(long sectorSize) {
        requireSectorSize(sectorSize);
        return V1_1_FIRST + SECTOR_SIZES.indexOf(sectorSize);
    }

    /** True when {@code sealProof} is a V1_1 or SyntheticPoRep proof for {@code sectorSize}. */
    public static boolean accepts(long sealProof, long sectorSize) {
        int index = SECTOR_SIZES.indexOf(sectorSize);
        return index >= 0 && (sealProof == V1_1_FIRST + index || sealProof == SYNTHETIC_FIRST + index);
    }

    /** The sector size a V1_1 or SyntheticPoRep proof seals, or -1 for any other number. */
    public static long sectorSize(long sealProof) {
        for (long first : List.of(V1_1_FIRST, SYNTHETIC_FIRST)) {
            if (sealProof >= first && sealProof < first + SECTOR_SIZES.size()) {
                return SECTOR_SIZES.get((int) (sealProof - first));
            }
        }
        return -1;
    }

    /** PoRep partitions: 10 for 32 and 64 GiB sectors, 1 for the test sizes (as filecoin-proofs). */
    public static int partitions(long sectorSize) {
        requireSectorSize(sectorSize);
        return sectorSize >= (32L << 30) ? 10 : 1;
    }

    /** The length of a valid seal proof: 192 bytes per partition (1,920 for 32 GiB). */
    public static int proofBytes(long sectorSize) {
        return BYTES_PER_PARTITION * partitions(sectorSize);
    }

    public static long windowPoStPartitionSectors(long sectorSize) {
        requireSectorSize(sectorSize);
        return WINDOW_POST_PARTITION_SECTORS.get(SECTOR_SIZES.indexOf(sectorSize));
    }
}
