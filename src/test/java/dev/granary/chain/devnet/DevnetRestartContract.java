package dev.granary.chain.devnet;

import dev.granary.chain.ChainHead;
import dev.granary.chain.ExitCode;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.actor.MinerMessages;
import dev.granary.chain.actor.PieceActivationManifest;
import dev.granary.chain.actor.ProveCommitSectors3Params;
import dev.granary.chain.actor.SectorActivationManifest;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.granary.chain.devnet.DevnetHarness.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 3: a restarted devnet continues its chain (height, balances, deals, sectors, nonces, pending messages),
 * written once and run on each backend by a subclass supplying the store.
 */
@ExtendWith(VertxExtension.class)
abstract class DevnetRestartContract {
    @TempDir
    Path repo;
    @TempDir
    Path clientKeys;

    private DevnetHarness devnet;

    /** A store of the current test's own. */
    protected abstract StoreConfig store();

    @AfterEach
    void stop() throws Exception {
        if (devnet != null) {
            devnet.close();
            devnet = null;
        }
    }

    @Test
    void aRestartedNodeContinuesItsChain(Vertx vertx) throws Exception {
        devnet = DevnetHarness.start(vertx, repo, store(), DevnetConfig.manual());
        DevnetChain chain = devnet.chain();
        DevnetFixtures fx = new DevnetFixtures(chain, clientKeys);
        await(chain.addEscrow(DevnetFixtures.MINER, TokenAmount.ofFil(1)));
        Address client = fx.client(TokenAmount.ofFil(1));
        long now = fx.head().epoch();
        DealProposal activated = DevnetFixtures.proposal(client, "kept", now + 100, 200);
        DealProposal waiting = DevnetFixtures.proposal(client, "waiting", now + 100, 200);
        List<Long> ids = DevnetFixtures.published(fx.publish(List.of(fx.signed(activated), fx.signed(waiting)))).ids();
        SectorPreCommitInfo proven = DevnetFixtures.preCommitInfo(1, fx.head().epoch(), List.of(),
                fx.head().epoch() + 4000, Optional.of(DevnetFixtures.commD(List.of(activated))));
        SectorPreCommitInfo pending = DevnetFixtures.preCommitInfo(2, fx.head().epoch(), List.of(),
                fx.head().epoch() + 4000, Optional.empty());
        MessageLookup preCommitted = fx.execute(MinerMessages.preCommitSectorBatch2(fx.miner.worker(), DevnetFixtures.MINER,
                List.of(proven, pending), DevnetEconomics.preCommitDeposit(2048).multiply(2), TokenAmount.ZERO));
        assertEquals(ExitCode.OK, preCommitted.receipt().exitCode());
        await(chain.advance(10));
        MessageLookup proof = fx.execute(MinerMessages.proveCommitSectors3(fx.miner.worker(), DevnetFixtures.MINER,
                ProveCommitSectors3Params.withSectorProofs(List.of(new SectorActivationManifest(1, List.of(
                                PieceActivationManifest.forDeal(activated.pieceCid(), 512, ids.get(0), Optional.empty())))),
                        List.of(fx.proof(proven, preCommitted.height(), 10)), true), TokenAmount.ZERO, TokenAmount.ZERO));
        assertEquals(ExitCode.OK, proof.receipt().exitCode());
        Cid unincluded = await(chain.pushMessage(new MessageRequest(fx.miner.worker(), client, TokenAmount.ofFil(2), 0,
                new byte[0], TokenAmount.ZERO)));

        ChainHead head = fx.head();
        DevnetMiner miner = await(chain.miner());
        TokenAmount workerBalance = await(chain.walletBalance(fx.miner.worker()));
        TokenAmount clientBalance = await(chain.walletBalance(client));
        MarketBalance clientEscrow = await(chain.marketBalance(client));
        MarketBalance providerEscrow = await(chain.marketBalance(DevnetFixtures.MINER));
        MarketDeal activeDeal = await(chain.marketDeal(ids.get(0))).orElseThrow();
        MarketDeal waitingDeal = await(chain.marketDeal(ids.get(1))).orElseThrow();
        SectorOnChainInfo sector = await(chain.sectorInfo(DevnetFixtures.MINER, 1)).orElseThrow();
        SectorPreCommitOnChainInfo precommit = await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 2)).orElseThrow();
        MessageLookup proofLookup = await(chain.searchMessage(proof.message())).orElseThrow();
        DevnetAudit audit = await(chain.audit());

        chain = devnet.restart();
        fx = new DevnetFixtures(chain, clientKeys);

        assertEquals(head, await(chain.head()), "height and tipset key");
        assertEquals(miner, await(chain.miner()));
        assertEquals(workerBalance, await(chain.walletBalance(fx.miner.worker())));
        assertEquals(clientBalance, await(chain.walletBalance(client)));
        assertEquals(clientEscrow, await(chain.marketBalance(client)));
        assertEquals(providerEscrow, await(chain.marketBalance(DevnetFixtures.MINER)));
        assertEquals(activeDeal, await(chain.marketDeal(ids.get(0))).orElseThrow());
        assertEquals(waitingDeal, await(chain.marketDeal(ids.get(1))).orElseThrow());
        assertEquals(sector, await(chain.sectorInfo(DevnetFixtures.MINER, 1)).orElseThrow());
        assertEquals(precommit, await(chain.sectorPreCommitInfo(DevnetFixtures.MINER, 2)).orElseThrow());
        assertSameLookup(proofLookup, await(chain.searchMessage(proof.message())).orElseThrow());
        assertEquals(audit, await(chain.audit()));
        assertEquals(Optional.empty(), await(chain.searchMessage(unincluded)), "still in the pool");

        // The pool and the nonces survived: the old message and a new one from the same sender both execute.
        Cid next = await(chain.pushMessage(new MessageRequest(fx.miner.worker(), client, TokenAmount.ofFil(1), 0,
                new byte[0], TokenAmount.ZERO)));
        ChainHead after = await(chain.advance(1));
        assertEquals(head.epoch() + 1, after.epoch());
        assertNotEquals(head.key(), after.key());
        assertEquals(ExitCode.OK, await(chain.searchMessage(unincluded)).orElseThrow().receipt().exitCode());
        assertEquals(ExitCode.OK, await(chain.searchMessage(next)).orElseThrow().receipt().exitCode());
        assertEquals(clientBalance.add(TokenAmount.ofFil(3)), await(chain.walletBalance(client)));

        DealProposal third = DevnetFixtures.proposal(client, "third", fx.head().epoch() + 100, 200);
        assertEquals(List.of(2L), DevnetFixtures.published(fx.publish(List.of(fx.signed(third)))).ids(),
                "deal IDs continue");
        assertTrue(await(chain.miner()).balance().signum() > 0);
    }

    /** MessageReceipt holds its return as an array, so record equality would compare references. */
    static void assertSameLookup(MessageLookup expected, MessageLookup actual) {
        assertEquals(expected.message(), actual.message());
        assertEquals(expected.tipSet(), actual.tipSet());
        assertEquals(expected.height(), actual.height());
        assertEquals(expected.receipt().exitCode(), actual.receipt().exitCode());
        assertEquals(expected.receipt().gasUsed(), actual.receipt().gasUsed());
        assertArrayEquals(expected.receipt().returnValue(), actual.receipt().returnValue());
    }
}
