package dev.granary.chain.devnet;

import dev.granary.chain.ExitCode;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.SectorLocation;
import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.actor.BatchReturn;
import dev.granary.chain.actor.BitField;
import dev.granary.chain.actor.FailCode;
import dev.granary.chain.actor.FaultDeclaration;
import dev.granary.chain.actor.MinerMessages;
import dev.granary.chain.actor.PieceActivationManifest;
import dev.granary.chain.actor.ProveCommitSectors3Params;
import dev.granary.chain.actor.RecoveryDeclaration;
import dev.granary.chain.actor.SectorActivationManifest;
import dev.granary.chain.actor.TerminationDeclaration;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.cbor.Cbor;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.granary.chain.devnet.DevnetHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2: a sector through pre-commit, the seed wait and prove-commit on the devnet; a wrong proof refused;
 * deals activated by the proof, and an unactivated deal slashed after its start epoch.
 */
@ExtendWith(VertxExtension.class)
class SectorLifecycleTest {
    static final long DELAY = 10;
    static final long MAX_PROVE = 40;
    static final long MAX_TICKET_AGE = 60;

    @TempDir
    Path repo;
    @TempDir
    Path clientKeys;

    private DevnetHarness devnet;
    private DevnetChain chain;
    private DevnetFixtures fx;
    private Address client;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        DevnetConfig config = DevnetConfig.manual().withPolicy(DevnetPolicy.defaults(DELAY)
                .withMaxProveCommitDuration(MAX_PROVE).withMaxTicketAge(MAX_TICKET_AGE));
        devnet = DevnetHarness.start(vertx, repo, new dev.granary.store.StoreConfig("", 4), config);
        chain = devnet.chain();
        fx = new DevnetFixtures(chain, clientKeys);
        await(chain.addEscrow(DevnetFixtures.MINER, TokenAmount.ofFil(1)));
        client = fx.client(TokenAmount.ofFil(1));
    }

    @AfterEach
    void stop() throws Exception {
        devnet.close();
    }

    /** Publishes the deals and returns their IDs in order. */
    private List<Long> publish(List<DealProposal> deals) throws Exception {
        List<dev.granary.filecoin.market.ClientDealProposal> signed = new ArrayList<>();
        for (DealProposal deal : deals) {
            signed.add(fx.signed(deal));
        }
        MessageLookup lookup = fx.publish(signed);
        assertEquals(ExitCode.OK, lookup.receipt().exitCode(), lookup::toString);
        return DevnetFixtures.published(lookup).ids();
    }

    private MessageLookup preCommit(List<SectorPreCommitInfo> sectors) throws Exception {
        TokenAmount deposit = DevnetEconomics.preCommitDeposit(DevnetFixtures.SECTOR_SIZE).multiply(sectors.size());
        return fx.execute(MinerMessages.preCommitSectorBatch2(fx.miner.worker(), DevnetFixtures.MINER, sectors, deposit,
                TokenAmount.ZERO));
    }

    private MessageLookup prove(SectorPreCommitInfo info, List<PieceActivationManifest> pieces, byte[] proof,
                                boolean requireActivationSuccess) throws Exception {
        return prove(List.of(new SectorActivationManifest(info.sectorNumber(), pieces)), List.of(proof),
                requireActivationSuccess);
    }

    private MessageLookup prove(List<SectorActivationManifest> sectors, List<byte[]> proofs,
                                boolean requireActivationSuccess) throws Exception {
        ProveCommitSectors3Params params = ProveCommitSectors3Params.withSectorProofs(sectors, proofs,
                requireActivationSuccess);
        return fx.execute(MinerMessages.proveCommitSectors3(fx.miner.worker(), DevnetFixtures.MINER, params,
                TokenAmount.ZERO, TokenAmount.ZERO));
    }

    private static List<PieceActivationManifest> manifest(List<DealProposal> deals, List<Long> ids) {
        List<PieceActivationManifest> pieces = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            pieces.add(PieceActivationManifest.forDeal(deals.get(i).pieceCid(), deals.get(i).pieceSize(), ids.get(i),
                    Optional.empty()));
        }
        return pieces;
    }

    @Test
    void aSectorIsPreCommittedWaitsForItsSeedAndIsProvenWithItsDealsActivated() throws Exception {
        long now = fx.head().epoch();
        List<DealProposal> deals = List.of(DevnetFixtures.proposal(client, "alpha", now + 100, 200),
                DevnetFixtures.proposal(client, "beta", now + 100, 250));
        List<Long> ids = publish(deals);
        long expiration = fx.head().epoch() + MAX_PROVE + 400;
        SectorPreCommitInfo data = DevnetFixtures.preCommitInfo(7, fx.head().epoch(), List.of(), expiration,
                Optional.of(DevnetFixtures.commD(deals)));
        SectorPreCommitInfo empty = DevnetFixtures.preCommitInfo(8, fx.head().epoch(), List.of(), expiration,
                Optional.empty());

        MessageLookup preCommitted = preCommit(List.of(data, empty));
        assertEquals(ExitCode.OK, preCommitted.receipt().exitCode(), preCommitted::toString);
        long preCommitEpoch = preCommitted.height();
        SectorPreCommitOnChainInfo onChain = await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 7)).orElseThrow();
        assertEquals(data, onChain.info());
        assertEquals(preCommitEpoch, onChain.preCommitEpoch());
        assertEquals(DevnetEconomics.preCommitDeposit(DevnetFixtures.SECTOR_SIZE), onChain.preCommitDeposit());

        List<SectorActivationManifest> both = List.of(new SectorActivationManifest(7, manifest(deals, ids)),
                new SectorActivationManifest(8, List.of()));
        // The seed is drawn at preCommitEpoch + 10 (so no one can know the proof before); a proof executing at or
        // before that epoch is refused.
        await(chain.advance((int) (DELAY - 1)));
        byte[] guess = new byte[SealProofs.proofBytes(DevnetFixtures.SECTOR_SIZE)];
        MessageLookup tooEarly = prove(both, List.of(guess, guess), false);
        assertEquals(preCommitEpoch + DELAY, tooEarly.height());
        assertEquals(ExitCode.ERR_FORBIDDEN, tooEarly.receipt().exitCode());
        assertTrue(fx.notes(tooEarly).getFirst().startsWith("too early to prove sector 7"), fx.notes(tooEarly).toString());

        byte[] dataProof = fx.proof(data, preCommitEpoch, DELAY);
        byte[] emptyProof = fx.proof(empty, preCommitEpoch, DELAY);
        byte[] wrong = emptyProof.clone();
        wrong[17] ^= 1;
        MessageLookup required = prove(both, List.of(dataProof, wrong), true);
        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, required.receipt().exitCode(), "RequireActivationSuccess: all or nothing");
        assertEquals("invalid proof for sector 8 while requiring activation success", fx.notes(required).getLast());
        assertTrue(await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 7)).isPresent(), "nothing was activated");

        MessageLookup partly = prove(both, List.of(dataProof, wrong), false);
        assertEquals(ExitCode.OK, partly.receipt().exitCode(), partly::toString);
        assertEquals(new BatchReturn(1, List.of(new FailCode(1, ExitCode.ERR_ILLEGAL_ARGUMENT))),
                Cbor.decode(BatchReturn.CODEC, partly.receipt().returnValue()));
        assertEquals(List.of("invalid proof for sector 8"), fx.notes(partly));
        assertTrue(await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 8)).isPresent(), "still waiting for a proof");

        SectorOnChainInfo sector = await(chain.sectorInfo(DevnetFixtures.MINER, 7)).orElseThrow();
        assertEquals(partly.height(), sector.activation());
        assertEquals(List.of(), sector.dealIds(), "actors v13+ keep no deal IDs in sector info");
        assertEquals(expiration, sector.expiration());
        assertEquals(onChain.preCommitDeposit(), sector.initialPledge());
        assertEquals(Optional.empty(), await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 7)));
        for (long id : ids) {
            assertEquals(partly.height(), await(chain.marketDeal(id)).orElseThrow().state().sectorStartEpoch());
        }
        assertEquals(Optional.of(new SectorLocation(7, 0)), await(chain.sectorLocation(DevnetFixtures.MINER, 7)));

        MessageLookup onlyWrong = prove(empty, List.of(), wrong, false);
        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, onlyWrong.receipt().exitCode());
        assertEquals("no valid proofs specified", fx.notes(onlyWrong).getLast());
        MessageLookup proven = prove(empty, List.of(), emptyProof, true);
        assertEquals(new BatchReturn(1, List.of()), Cbor.decode(BatchReturn.CODEC, proven.receipt().returnValue()));
        assertEquals(List.of(), await(chain.sectorInfo(DevnetFixtures.MINER, 8)).orElseThrow().dealIds());
    }

    /** Proves a one-deal sector through ProveCommitSectors3 and returns the epoch it was activated at. */
    private long sealDeal(long sector, DealProposal deal, long dealId) throws Exception {
        SectorPreCommitInfo info = DevnetFixtures.preCommitInfo(sector, fx.head().epoch(), List.of(),
                fx.head().epoch() + MAX_PROVE + 400, Optional.of(DevnetFixtures.commD(List.of(deal))));
        MessageLookup preCommitted = preCommit(List.of(info));
        devnet.advance((int) DELAY);
        MessageLookup proven = prove(info, manifest(List.of(deal), List.of(dealId)),
                fx.proof(info, preCommitted.height(), DELAY), true);
        assertEquals(ExitCode.OK, proven.receipt().exitCode(), proven::toString);
        return proven.height();
    }

    @Test
    void anActivatedDealPaysTheProviderItsWholeFeeAtItsEnd() throws Exception {
        DealProposal deal = DevnetFixtures.proposal(client, "paid", fx.head().epoch() + 30, 200);
        long id = publish(List.of(deal)).getFirst();
        sealDeal(20, deal, id);
        MarketBalance clientBefore = await(chain.marketBalance(client));
        MarketBalance providerBefore = await(chain.marketBalance(DevnetFixtures.MINER));
        devnet.advance((int) (deal.endEpoch() - fx.head().epoch() - 1));
        assertTrue(await(chain.marketDeal(id)).isPresent(), "one epoch before its end");
        devnet.advance(1);
        assertEquals(Optional.empty(), await(chain.marketDeal(id)), "completed");
        TokenAmount fee = DevnetFixtures.PRICE.multiply(200);
        assertEquals(new MarketBalance(clientBefore.escrow().subtract(fee), TokenAmount.ZERO),
                await(chain.marketBalance(client)));
        assertEquals(new MarketBalance(providerBefore.escrow().add(fee),
                        providerBefore.locked().subtract(DevnetFixtures.PROVIDER_COLLATERAL)),
                await(chain.marketBalance(DevnetFixtures.MINER)), "paid, and its collateral unlocked");
    }

    @Test
    void proveCommitSectors3RefusesPreCommitsCarryingDealIdsLikeTheRealActor() throws Exception {
        DealProposal deal = DevnetFixtures.proposal(client, "legacy", fx.head().epoch() + 100, 200);
        long id = publish(List.of(deal)).getFirst();
        SectorPreCommitInfo legacy = DevnetFixtures.preCommitInfo(30, fx.head().epoch(), List.of(id),
                fx.head().epoch() + MAX_PROVE + 400, Optional.of(DevnetFixtures.commD(List.of(deal))));
        SectorPreCommitInfo plain = DevnetFixtures.preCommitInfo(31, fx.head().epoch(), List.of(),
                fx.head().epoch() + MAX_PROVE + 400, Optional.empty());
        MessageLookup preCommitted = preCommit(List.of(legacy, plain));
        assertEquals(ExitCode.OK, preCommitted.receipt().exitCode(), preCommitted::toString);
        devnet.advance((int) DELAY);
        MessageLookup proven = prove(List.of(new SectorActivationManifest(30, manifest(List.of(deal), List.of(id))),
                        new SectorActivationManifest(31, List.of())),
                List.of(fx.proof(legacy, preCommitted.height(), DELAY), fx.proof(plain, preCommitted.height(), DELAY)), false);
        assertEquals(new BatchReturn(1, List.of(new FailCode(0, ExitCode.ERR_ILLEGAL_ARGUMENT))),
                Cbor.decode(BatchReturn.CODEC, proven.receipt().returnValue()));
        assertEquals(MarketDeal.DealState.UNACTIVATED, await(chain.marketDeal(id)).orElseThrow().state());
    }

    @Test
    void aDealNotActivatedByItsStartEpochIsSlashed() throws Exception {
        long start = fx.head().epoch() + 5;
        DealProposal deal = DevnetFixtures.proposal(client, "late", start, 200);
        long id = publish(List.of(deal)).getFirst();
        MarketBalance clientBefore = await(chain.marketBalance(client));
        MarketBalance providerBefore = await(chain.marketBalance(DevnetFixtures.MINER));
        DevnetAudit auditBefore = await(chain.audit());
        assertEquals(DevnetFixtures.clientCost(deal), clientBefore.locked());

        devnet.advance((int) (start - fx.head().epoch() - 1));
        assertTrue(await(chain.marketDeal(id)).isPresent(), "not yet at its start epoch");
        devnet.advance(1);

        assertEquals(Optional.empty(), await(chain.marketDeal(id)));
        assertEquals(new MarketBalance(clientBefore.escrow(), TokenAmount.ZERO), await(chain.marketBalance(client)),
                "the client's funds are unlocked, nothing paid");
        MarketBalance provider = await(chain.marketBalance(DevnetFixtures.MINER));
        assertEquals(providerBefore.escrow().subtract(DevnetFixtures.PROVIDER_COLLATERAL), provider.escrow());
        assertEquals(providerBefore.locked().subtract(DevnetFixtures.PROVIDER_COLLATERAL), provider.locked());
        DevnetAudit audit = await(chain.audit());
        assertEquals(auditBefore.burnt().add(DevnetFixtures.PROVIDER_COLLATERAL), audit.burnt(), "collateral burnt");
        assertEquals(DevnetEconomics.TOTAL_SUPPLY, audit.totalBalances());
        assertEquals(audit.totalEscrow(), audit.marketBalance());
    }

    @Test
    void preCommitRulesRefuseTheBatchWithTheActorsReasons() throws Exception {
        long now = fx.head().epoch();
        long expiration = now + MAX_PROVE + 400;
        assertRefused(DevnetFixtures.preCommitInfo(1, now + 1, List.of(), expiration, Optional.empty()),
                "seal challenge epoch " + (now + 1) + " must be before now " + (now + 1));
        assertRefused(DevnetFixtures.preCommitInfo(1, now, List.of(), now + 50, Optional.empty()),
                "invalid expiration " + (now + 50) + ", total sector lifetime");
        assertRefused(DevnetFixtures.preCommitInfo(1, now, List.of(99L), expiration, Optional.empty()),
                "failed to validate deal proposals for activation: no such deal 99");
        SectorPreCommitInfo wrongProof = new SectorPreCommitInfo(SealProofs.v1_1(32L << 30), 1,
                DevnetFixtures.sealedCid(1), now, List.of(), expiration, Optional.empty());
        assertRefused(wrongProof, "seal proof type 8 seals 34359738368-byte sectors");
        DealProposal deal = DevnetFixtures.proposal(client, "gamma", fx.head().epoch() + 100, 200);
        long id = publish(List.of(deal)).getFirst();
        assertRefused(DevnetFixtures.preCommitInfo(1, fx.head().epoch(), List.of(id), fx.head().epoch() + MAX_PROVE + 400,
                Optional.of(DevnetFixtures.commD(List.of(DevnetFixtures.proposal(client, "other", 0, 1))))),
                "computed " + DevnetFixtures.commD(List.of(deal)));

        // A ticket older than the max ticket age.
        long ticket = fx.head().epoch();
        devnet.advance((int) MAX_TICKET_AGE);
        long later = fx.head().epoch();
        assertRefused(DevnetFixtures.preCommitInfo(1, ticket, List.of(), later + MAX_PROVE + 400, Optional.empty()),
                "seal challenge epoch " + ticket + " too old");
    }

    private void assertRefused(SectorPreCommitInfo info, String reason) throws Exception {
        MessageLookup lookup = preCommit(List.of(info));
        assertTrue(lookup.receipt().exitCode() != ExitCode.OK, () -> "expected a refusal: " + reason);
        String note = fx.notes(lookup).getLast();
        assertTrue(note.startsWith(reason), () -> note + " does not start with " + reason);
    }

    @Test
    void anUnprovenPreCommitLapsesAndItsDepositIsBurnt() throws Exception {
        long now = fx.head().epoch();
        SectorPreCommitInfo info = DevnetFixtures.preCommitInfo(3, now, List.of(), now + MAX_PROVE + 400, Optional.empty());
        MessageLookup lookup = preCommit(List.of(info));
        DevnetAudit before = await(chain.audit());
        devnet.advance((int) MAX_PROVE);
        assertTrue(await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 3)).isPresent(), "due at the last epoch");
        byte[] proof = fx.proof(info, lookup.height(), DELAY);
        devnet.advance(1);
        assertEquals(Optional.empty(), await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 3)));
        assertEquals(before.burnt().add(DevnetEconomics.preCommitDeposit(DevnetFixtures.SECTOR_SIZE)),
                await(chain.audit()).burnt());
        MessageLookup late = prove(info, List.of(), proof, false);
        assertEquals(ExitCode.ERR_NOT_FOUND, late.receipt().exitCode());
        SectorPreCommitInfo again = DevnetFixtures.preCommitInfo(3, fx.head().epoch(), List.of(),
                fx.head().epoch() + MAX_PROVE + 400, Optional.empty());
        assertRefused(again, "sector number 3 already allocated");
    }

    @Test
    void faultsRecoveriesAndTerminationWhichSlashesTheSectorsDeals() throws Exception {
        long now = fx.head().epoch();
        DealProposal deal = DevnetFixtures.proposal(client, "delta", now + 100, 200);
        List<Long> ids = publish(List.of(deal));
        SectorPreCommitInfo info = DevnetFixtures.preCommitInfo(50, fx.head().epoch(), List.of(),
                fx.head().epoch() + MAX_PROVE + 400, Optional.of(DevnetFixtures.commD(List.of(deal))));
        MessageLookup preCommitted = preCommit(List.of(info));
        devnet.advance((int) DELAY);
        MessageLookup proven = prove(info, manifest(List.of(deal), ids), fx.proof(info, preCommitted.height(), DELAY), true);
        assertEquals(ExitCode.OK, proven.receipt().exitCode());
        SectorLocation location = await(chain.sectorLocation(DevnetFixtures.MINER, 50)).orElseThrow();
        assertEquals(new SectorLocation(2, 0), location, "deadline = 50 mod 48");

        MessageLookup wrongPlace = fx.execute(MinerMessages.declareFaults(fx.miner.worker(), DevnetFixtures.MINER,
                List.of(new FaultDeclaration(3, 0, BitField.of(50))), TokenAmount.ZERO));
        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, wrongPlace.receipt().exitCode());
        fx.execute(MinerMessages.declareFaults(fx.miner.worker(), DevnetFixtures.MINER,
                List.of(new FaultDeclaration(2, 0, BitField.of(50))), TokenAmount.ZERO));
        assertTrue(await(chain.sectorInfo(DevnetFixtures.MINER, 50)).orElseThrow().faulty());
        fx.execute(MinerMessages.declareFaultsRecovered(fx.miner.worker(), DevnetFixtures.MINER,
                List.of(new RecoveryDeclaration(2, 0, BitField.of(50))), TokenAmount.ZERO));
        assertTrue(!await(chain.sectorInfo(DevnetFixtures.MINER, 50)).orElseThrow().faulty());

        MarketBalance provider = await(chain.marketBalance(DevnetFixtures.MINER));
        MessageLookup terminated = fx.execute(MinerMessages.terminateSectors(fx.miner.worker(), DevnetFixtures.MINER,
                List.of(new TerminationDeclaration(2, 0, BitField.of(50))), TokenAmount.ZERO));
        assertEquals(ExitCode.OK, terminated.receipt().exitCode());
        assertEquals(Optional.empty(), await(chain.sectorInfo(DevnetFixtures.MINER, 50)));
        assertEquals(Optional.empty(), await(chain.marketDeal(ids.getFirst())), "slashed and settled at the epoch's end");
        assertEquals(provider.escrow().subtract(DevnetFixtures.PROVIDER_COLLATERAL),
                await(chain.marketBalance(DevnetFixtures.MINER)).escrow(), "terminated before its start: nothing earned");
        assertEquals(TokenAmount.ZERO, await(chain.marketBalance(client)).locked());
    }

    @Test
    void proveCommitAggregateActivatesPreCommittedDeals() throws Exception {
        long now = fx.head().epoch();
        List<DealProposal> deals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deals.add(DevnetFixtures.proposal(client, "agg" + i, now + 100, 200));
        }
        List<Long> ids = publish(deals);
        List<SectorPreCommitInfo> sectors = new ArrayList<>();
        long expiration = fx.head().epoch() + MAX_PROVE + 400;
        for (int i = 0; i < 4; i++) {
            sectors.add(DevnetFixtures.preCommitInfo(10 + i, fx.head().epoch(), List.of(ids.get(i)), expiration,
                    Optional.of(DevnetFixtures.commD(List.of(deals.get(i))))));
        }
        MessageLookup preCommitted = preCommit(sectors);
        assertEquals(ExitCode.OK, preCommitted.receipt().exitCode(), () -> preCommitted.toString());
        devnet.advance((int) DELAY);
        List<byte[]> proofs = new ArrayList<>();
        for (SectorPreCommitInfo sector : sectors) {
            proofs.add(fx.proof(sector, preCommitted.height(), DELAY));
        }
        byte[] aggregate = MockPoRep.aggregate(proofs);
        MessageLookup bad = fx.execute(MinerMessages.proveCommitAggregate(fx.miner.worker(), DevnetFixtures.MINER,
                BitField.range(10, 14), MockPoRep.aggregate(proofs.reversed()), TokenAmount.ZERO, TokenAmount.ZERO));
        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, bad.receipt().exitCode());
        assertEquals("aggregate seal verify failed", fx.notes(bad).getLast());

        MessageLookup proven = fx.execute(MinerMessages.proveCommitAggregate(fx.miner.worker(), DevnetFixtures.MINER,
                BitField.range(10, 14), aggregate, TokenAmount.ZERO, TokenAmount.ZERO));
        assertEquals(ExitCode.OK, proven.receipt().exitCode(), () -> proven.toString());
        for (int i = 0; i < 4; i++) {
            assertTrue(await(chain.sectorInfo(DevnetFixtures.MINER, 10 + i)).isPresent());
            assertEquals(proven.height(), await(chain.marketDeal(ids.get(i))).orElseThrow().state().sectorStartEpoch());
        }
    }
}
