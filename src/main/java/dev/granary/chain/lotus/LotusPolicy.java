package dev.granary.chain.lotus;

import java.util.List;

/**
 * Chain policy that {@code Filecoin.StateGetNetworkParams} does not report but {@link dev.granary.chain.NetworkParameters}
 * carries. The values are compiled into the built-in actors, so a Lotus node cannot be asked for them; they come
 * from filecoin-project/builtin-actors:
 * <ul>
 *   <li>deal duration bounds: {@code actors/market/src/policy.rs} {@code deal_duration_bounds} (180 and 1278 days,
 *       FIP-0052 raised the maximum from 540 days);</li>
 *   <li>max sector expiration extension: {@code runtime/src/runtime/policy.rs}
 *       {@code MAX_SECTOR_EXPIRATION_EXTENSION} (1278 days);</li>
 *   <li>prove-commit window: {@code actors/miner/src/policy.rs} {@code max_prove_commit_duration}, 30 days for the
 *       V1_1 seal proofs, to which the actor adds the network's PreCommitChallengeDelay (taken from the node);</li>
 *   <li>sector sizes: the {@code sector-32g} and {@code sector-64g} features of the mainnet and calibnet actor
 *       bundles ({@code ProofSet::default_precommit_seal_proofs}).</li>
 * </ul>
 * A day is 2880 epochs on every network (builtin-actors {@code EPOCHS_IN_DAY}, 30-second epochs), even on devnets
 * with faster blocks. Devnets built with other actor features (2 KiB sectors) need their own policy.
 *
 * @param proveCommitWindow how long after the seed becomes available a pre-commit may still be proven
 */
public record LotusPolicy(long minDealDuration, long maxDealDuration, long maxSectorExpirationExtension,
                          long proveCommitWindow, List<Long> sectorSizes) {
    public static final long EPOCHS_IN_DAY = 2880;
    private static final long GIB = 1L << 30;

    /** Mainnet and calibnet (same actor policy, 32 and 64 GiB sectors). */
    public static final LotusPolicy MAINNET = new LotusPolicy(180 * EPOCHS_IN_DAY, 1278 * EPOCHS_IN_DAY,
            1278 * EPOCHS_IN_DAY, 30 * EPOCHS_IN_DAY, List.of(32 * GIB, 64 * GIB));

    public LotusPolicy {
        sectorSizes = List.copyOf(sectorSizes);
        if (minDealDuration <= 0 || maxDealDuration < minDealDuration) {
            throw new IllegalArgumentException("deal duration bounds must satisfy 0 < min <= max, got "
                    + minDealDuration + ".." + maxDealDuration);
        }
        if (maxSectorExpirationExtension <= 0 || proveCommitWindow <= 0) {
            throw new IllegalArgumentException("sector expiration extension and prove-commit window must be positive");
        }
        if (sectorSizes.isEmpty()) {
            throw new IllegalArgumentException("a policy names at least one sector size");
        }
    }

    /** The actor's {@code max_prove_commit_duration}: the window plus the network's challenge delay. */
    public long maxProveCommitDuration(long preCommitChallengeDelay) {
        return proveCommitWindow + preCommitChallengeDelay;
    }
}
