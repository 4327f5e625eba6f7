package dev.granary.chain.devnet.impl;

import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.chain.devnet.MockPoRep;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;

/** What a pre-committed sector's proof is checked against: its randomness and {@link MockPoRep}'s bytes. */
final class SealInputs {
    private static final int COMMITMENT_BYTES = 32;

    private final DevnetState state;
    private final DevnetPolicy policy;

    SealInputs(DevnetState state, DevnetPolicy policy) {
        this.state = state;
        this.policy = policy;
    }

    long interactiveEpoch(SectorPreCommitOnChainInfo precommit) {
        return precommit.preCommitEpoch() + policy.preCommitChallengeDelay();
    }

    /** The proof the mock sealer makes for this sector. */
    byte[] expectedProof(SectorPreCommitOnChainInfo precommit) {
        SectorPreCommitInfo info = precommit.info();
        byte[] entropy = MockPoRep.entropy(state.miner().address());
        byte[] ticket = state.randomness.ticket(DomainSeparationTag.SEAL_RANDOMNESS, info.sealRandEpoch(), entropy);
        byte[] seed = state.randomness.beacon(DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED,
                interactiveEpoch(precommit), entropy);
        return MockPoRep.proof(state.miner().id(), info.sectorNumber(), info.sealProof(), info.sealedCid(),
                unsealedCid(info), ticket, seed);
    }

    /** The declared CommD, or the zero sector's when none was declared (a CompactCommD of nothing). */
    Cid unsealedCid(SectorPreCommitInfo info) {
        return info.unsealedCid().orElseGet(() -> MockPoRep.zeroCommD(state.miner().sectorSize()));
    }

    static boolean isSealedCid(Cid cid) {
        return cid.version() == 1 && cid.codec() == Multicodec.FIL_COMMITMENT_SEALED
                && cid.multihash().code() == Multicodec.POSEIDON_BLS12_381_A2_FC1
                && cid.multihash().digestLength() == COMMITMENT_BYTES;
    }

    static boolean isUnsealedCid(Cid cid) {
        return cid.version() == 1 && cid.codec() == Multicodec.FIL_COMMITMENT_UNSEALED
                && cid.multihash().code() == Multicodec.SHA2_256_TRUNC254_PADDED
                && cid.multihash().digestLength() == COMMITMENT_BYTES;
    }
}
