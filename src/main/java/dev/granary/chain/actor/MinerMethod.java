package dev.granary.chain.actor;

/**
 * Miner actor method numbers (go-state-types builtin/methods.go {@code MethodsMiner}, builtin-actors
 * actors/miner/src/lib.rs {@code Method}), the ones a storage provider sends. PreCommitSector (6),
 * ProveCommitSector (7) and ExtendSectorExpiration (8) are gone from current actors and left out.
 */
public final class MinerMethod {
    public static final long CONSTRUCTOR = 1;
    public static final long CONTROL_ADDRESSES = 2;
    public static final long CHANGE_WORKER_ADDRESS = 3;
    public static final long CHANGE_PEER_ID = 4;
    public static final long SUBMIT_WINDOWED_POST = 5;
    public static final long TERMINATE_SECTORS = 9;
    public static final long DECLARE_FAULTS = 10;
    public static final long DECLARE_FAULTS_RECOVERED = 11;
    public static final long WITHDRAW_BALANCE = 16;
    public static final long CHANGE_MULTIADDRS = 18;
    /**
     * Removed in actors v17 (FIP-0101; builtin-actors d2842f0e): from then on the actor answers
     * USR_UNHANDLED_MESSAGE and {@link #PROVE_COMMIT_SECTORS3} with an aggregate proof takes its place.
     */
    public static final long PROVE_COMMIT_AGGREGATE = 26;
    public static final long PRE_COMMIT_SECTOR_BATCH2 = 28;
    public static final long PROVE_COMMIT_SECTORS3 = 34;

    private MinerMethod() {
    }
}
