package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;
import dev.granary.chain.MessageReceipt;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.actor.MinerMethod;
import dev.granary.chain.actor.PreCommitSectorBatch2Params;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.chain.devnet.MockPoRep;
import dev.granary.chain.devnet.SealProofs;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.Secp256k1;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.Message;
import dev.granary.filecoin.chain.SignedMessage;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.cbor.Cbor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The miner actor's pre-commit bounds and the mock proof's shape as properties: a pre-commit is accepted exactly when
 * its ticket and expiration are within the policy's documented bounds, and {@link MockPoRep} is deterministic, as
 * long as the documented size, and changes with every input.
 */
class MinerRulesProperties {
    private static final DevnetPolicy POLICY = DevnetPolicy.defaults(10).withMaxProveCommitDuration(40).withMaxTicketAge(60);
    private static final long START = 100;

    @Property(tries = 150)
    void aPreCommitIsAcceptedExactlyWithinTheTicketAndExpirationBounds(
            @ForAll @LongRange(min = -80, max = 5) long ticketOffset,
            @ForAll @LongRange(min = 0, max = 400) long lifetime) {
        Address owner = Address.secp256k1(Secp256k1.publicKey(key(1)));
        Address worker = Address.secp256k1(Secp256k1.publicKey(key(2)));
        DevnetConfig config = DevnetConfig.manual().withPolicy(POLICY);
        DevnetState state = Genesis.create(config, owner, worker, new byte[0], 0);
        DevnetRuntime runtime = new DevnetRuntime(state, config);
        for (int i = 0; i < START - 1; i++) {
            runtime.producer.produce(0);
        }
        long epoch = START; // the epoch that executes the message
        long ticket = epoch + ticketOffset;
        long expiration = epoch + POLICY.maxProveCommitDuration() + lifetime;
        SectorPreCommitInfo info = new SectorPreCommitInfo(SealProofs.v1_1(2048), 1, sealed(), ticket, List.of(),
                expiration, Optional.empty());
        Message message = new Message(0, DevnetActors.MINER, worker, 0, DevnetEconomics.preCommitDeposit(2048),
                DevnetEconomics.gasLimit(MinerMethod.PRE_COMMIT_SECTOR_BATCH2), TokenAmount.ZERO, TokenAmount.ZERO,
                MinerMethod.PRE_COMMIT_SECTOR_BATCH2,
                Cbor.encode(PreCommitSectorBatch2Params.CODEC, new PreCommitSectorBatch2Params(List.of(info))));
        MessageRecord pending = MessageRecord.pending(new SignedMessage(message,
                new Signature(SignatureType.SECP256K1, new byte[65])), state.height());
        state.messages.putUntracked(pending.cid(), pending);
        runtime.producer.produce(0);

        MessageReceipt receipt = state.messages.get(pending.cid()).orElseThrow().receipt();
        boolean ticketOk = ticket < epoch && ticket >= epoch - POLICY.maxTicketAge();
        boolean lifetimeOk = lifetime >= POLICY.minSectorExpiration();
        assertEquals(ticketOk && lifetimeOk ? ExitCode.OK : ExitCode.ERR_ILLEGAL_ARGUMENT, receipt.exitCode(),
                () -> "ticket " + ticket + ", expiration " + expiration + ": " + state.messages.get(pending.cid()).orElseThrow().notes());
    }

    @Property(tries = 200)
    void theMockProofIsDeterministicSizedAndBoundToEveryInput(@ForAll("sealProofs") long sealProof,
                                                              @ForAll @LongRange(min = 0, max = 1L << 40) long sector,
                                                              @ForAll @IntRange(min = 0, max = 6) int changed) {
        byte[] ticket = new byte[32];
        byte[] seed = new byte[32];
        seed[3] = 9;
        Cid unsealed = MockPoRep.zeroCommD(SealProofs.sectorSize(sealProof));
        byte[] proof = MockPoRep.proof(1000, sector, sealProof, sealed(), unsealed, ticket, seed);
        assertEquals(SealProofs.proofBytes(SealProofs.sectorSize(sealProof)), proof.length);
        assertEquals(Arrays.toString(proof), Arrays.toString(
                MockPoRep.proof(1000, sector, sealProof, sealed(), unsealed, ticket.clone(), seed.clone())));
        byte[] otherTicket = ticket.clone();
        otherTicket[0] = 1;
        byte[] other = switch (changed) {
            case 0 -> MockPoRep.proof(1001, sector, sealProof, sealed(), unsealed, ticket, seed);
            case 1 -> MockPoRep.proof(1000, sector + 1, sealProof, sealed(), unsealed, ticket, seed);
            case 2 -> MockPoRep.proof(1000, sector, sealProof == 5 ? 10 : 5, sealed(), MockPoRep.zeroCommD(2048), ticket, seed);
            case 3 -> MockPoRep.proof(1000, sector, sealProof, unsealedAsSealed(), unsealed, ticket, seed);
            case 4 -> MockPoRep.proof(1000, sector, sealProof, sealed(), sealedAsUnsealed(), ticket, seed);
            case 5 -> MockPoRep.proof(1000, sector, sealProof, sealed(), unsealed, otherTicket, seed);
            default -> MockPoRep.proof(1000, sector, sealProof, sealed(), unsealed, ticket, otherTicket);
        };
        assertFalse(Arrays.equals(Arrays.copyOf(proof, 32), Arrays.copyOf(other, 32)), "input " + changed);
    }

    @Provide
    Arbitrary<Long> sealProofs() {
        return Arbitraries.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
    }

    private static Cid sealed() {
        byte[] digest = new byte[32];
        digest[5] = 1;
        return Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, digest));
    }

    private static Cid unsealedAsSealed() {
        byte[] digest = new byte[32];
        digest[6] = 2;
        return Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, digest));
    }

    private static Cid sealedAsUnsealed() {
        byte[] digest = new byte[32];
        digest[7] = 3;
        return Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, digest));
    }

    private static byte[] key(int marker) {
        byte[] key = new byte[32];
        key[0] = (byte) marker;
        key[31] = 7;
        return key;
    }
}
