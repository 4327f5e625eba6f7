package dev.granary.chain.devnet;

import dev.granary.chain.ExitCode;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.actor.BitField;
import dev.granary.chain.actor.MarketMessages;
import dev.granary.chain.actor.PublishStorageDealsReturn;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealProposal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.granary.chain.devnet.DevnetHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance 1: PublishStorageDeals on the devnet validates each deal like the real market actor. */
@ExtendWith(VertxExtension.class)
class PublishStorageDealsTest {
    @TempDir
    Path repo;
    @TempDir
    Path clientKeys;

    private DevnetHarness devnet;
    private DevnetChain chain;
    private DevnetFixtures fx;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        devnet = DevnetHarness.sqlite(vertx, repo);
        chain = devnet.chain();
        fx = new DevnetFixtures(chain, clientKeys);
        await(chain.addEscrow(DevnetFixtures.MINER, TokenAmount.ofFil(1)));
    }

    @AfterEach
    void stop() throws Exception {
        devnet.close();
    }

    @Test
    void validDealsGetIdsByPositionAndInvalidOnesTheActorsReasons() throws Exception {
        long start = fx.head().epoch() + 100;
        Address rich = fx.client(TokenAmount.ofFil(1));
        Address poor = fx.client(TokenAmount.ofAttoFil(10));
        Address impostor = fx.client(TokenAmount.ofFil(1));
        DealProposal first = DevnetFixtures.proposal(rich, "first", start, 200);
        DealProposal forged = DevnetFixtures.proposal(rich, "forged", start, 200);
        DealProposal unfunded = DevnetFixtures.proposal(poor, "unfunded", start, 200);
        DealProposal last = DevnetFixtures.proposal(rich, "last", start, 300);
        MarketBalance providerBefore = await(chain.marketBalance(DevnetFixtures.MINER));

        MessageLookup lookup = fx.publish(List.of(fx.signed(first), fx.signedBy(forged, impostor), fx.signed(unfunded),
                fx.signed(last)));

        assertEquals(ExitCode.OK, lookup.receipt().exitCode());
        PublishStorageDealsReturn result = DevnetFixtures.published(lookup);
        assertEquals(BitField.of(0, 3), result.validDeals());
        assertEquals(List.of(0L, 1L), result.ids());
        assertEquals(Optional.of(0L), result.dealIdAt(0));
        assertEquals(Optional.empty(), result.dealIdAt(1));
        assertEquals(Optional.of(1L), result.dealIdAt(3));
        List<String> notes = fx.notes(lookup);
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("invalid deal 1: proposal authentication failed"), notes.get(0));
        assertEquals("invalid deal 2: insufficient client funds to cover proposal cost", notes.get(1));

        MarketDeal stored = await(chain.marketDeal(1)).orElseThrow();
        Address richId = await(chain.lookupId(rich)).orElseThrow();
        assertEquals(richId, stored.proposal().client(), "the actor keeps the client as its ID address");
        assertEquals(last.pieceCid(), stored.proposal().pieceCid());
        assertEquals(MarketDeal.DealState.UNACTIVATED, stored.state());
        assertEquals(Optional.empty(), await(chain.marketDeal(2)));

        TokenAmount clientLocked = DevnetFixtures.clientCost(first).add(DevnetFixtures.clientCost(last));
        assertEquals(new MarketBalance(TokenAmount.ofFil(1), clientLocked), await(chain.marketBalance(rich)));
        assertEquals(new MarketBalance(TokenAmount.ofAttoFil(10), TokenAmount.ZERO), await(chain.marketBalance(poor)));
        assertEquals(providerBefore.locked().add(DevnetFixtures.PROVIDER_COLLATERAL.multiply(2)),
                await(chain.marketBalance(DevnetFixtures.MINER)).locked());
    }

    @Test
    void eachValidationRuleHasItsReason() throws Exception {
        long now = fx.head().epoch();
        Address client = fx.client(TokenAmount.ofFil(1));
        DealProposal ok = DevnetFixtures.proposal(client, "ok", now + 100, 200);
        List<DealProposal> bad = List.of(
                withEpochs(ok, now + 100, now + 100),
                withEpochs(ok, now, now + 200),
                withEpochs(ok, now + 100, now + 150),
                withCollateral(ok, DevnetFixtures.PROVIDER_COLLATERAL.subtract(TokenAmount.ofAttoFil(1))),
                withPrice(ok, TokenAmount.ofAttoFil(-1)),
                verified(ok));
        List<ClientDealProposal> batch = new java.util.ArrayList<>(List.of(fx.signed(ok), fx.signed(ok)));
        for (DealProposal p : bad) {
            batch.add(fx.signed(p));
        }
        MessageLookup lookup = fx.publish(batch);
        assertEquals(BitField.of(0), DevnetFixtures.published(lookup).validDeals());
        assertEquals(List.of(
                "invalid deal 1: cannot publish duplicate deal proposal",
                "invalid deal 2: proposal end before proposal start",
                "invalid deal 3: Deal start epoch has already elapsed.",
                "invalid deal 4: Deal duration out of bounds.",
                "invalid deal 5: Provider collateral out of bounds.",
                "invalid deal 6: Storage price out of bounds.",
                "invalid deal 7: client " + client + " has no datacap (the devnet has no verified registry)"),
                fx.notes(lookup));

        MessageLookup again = fx.publish(List.of(fx.signed(ok)));
        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, again.receipt().exitCode(), "already published");
    }

    @Test
    void anAllInvalidBatchFailsTheMessageWithIllegalArgumentAndChangesNothing() throws Exception {
        Address poor = fx.client(TokenAmount.ofAttoFil(1));
        Address impostor = fx.client(TokenAmount.ZERO);
        long start = fx.head().epoch() + 100;
        DealProposal unfunded = DevnetFixtures.proposal(poor, "a", start, 200);
        DealProposal forged = DevnetFixtures.proposal(poor, "b", start, 200);
        MarketBalance providerBefore = await(chain.marketBalance(DevnetFixtures.MINER));

        MessageLookup lookup = fx.publish(List.of(fx.signed(unfunded), fx.signedBy(forged, impostor)));

        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, lookup.receipt().exitCode());
        assertEquals(0, lookup.receipt().returnValue().length);
        List<String> notes = fx.notes(lookup);
        assertEquals("invalid deal 0: insufficient client funds to cover proposal cost", notes.get(0));
        assertTrue(notes.get(1).startsWith("invalid deal 1: proposal authentication failed"), notes.get(1));
        assertEquals("All deal proposals invalid", notes.get(2));
        assertEquals(providerBefore, await(chain.marketBalance(DevnetFixtures.MINER)));
        assertEquals(Optional.empty(), await(chain.marketDeal(0)));
    }

    @Test
    void onlyTheWorkerOrAControlAddressMayPublishAndTheProviderMustCoverCollateral() throws Exception {
        Address client = fx.client(TokenAmount.ofFil(1));
        DealProposal deal = DevnetFixtures.proposal(client, "x", fx.head().epoch() + 100, 200);
        // The owner is a controlling address too; the client is not.
        MessageLookup byOwner = fx.execute(MarketMessages.publishStorageDeals(fx.miner.owner(), List.of(fx.signed(deal)),
                TokenAmount.ZERO));
        assertEquals(ExitCode.OK, byOwner.receipt().exitCode());

        await(chain.fund(fx.miner.ownerKey(), TokenAmount.ofFil(1)));
        DevnetHarness.await(chain.pushMessage(MarketMessages.withdrawBalance(fx.miner.owner(), DevnetFixtures.MINER,
                TokenAmount.ofFil(100), TokenAmount.ZERO)));
        await(chain.advance(1));
        MarketBalance provider = await(chain.marketBalance(DevnetFixtures.MINER));
        assertEquals(provider.locked(), provider.escrow(), "withdrawal takes everything not locked");

        DealProposal uncovered = DevnetFixtures.proposal(client, "y", fx.head().epoch() + 100, 200);
        MessageLookup noCollateral = fx.publish(List.of(fx.signed(uncovered)));
        assertEquals(ExitCode.ERR_ILLEGAL_ARGUMENT, noCollateral.receipt().exitCode());
        assertEquals("invalid deal 0: insufficient provider funds to cover proposal cost", fx.notes(noCollateral).get(0));
    }

    private static DealProposal withEpochs(DealProposal p, long start, long end) {
        return new DealProposal(p.pieceCid(), p.pieceSize(), p.verifiedDeal(), p.client(), p.provider(), p.label(), start,
                end, p.storagePricePerEpoch(), p.providerCollateral(), p.clientCollateral());
    }

    private static DealProposal withCollateral(DealProposal p, TokenAmount collateral) {
        return new DealProposal(p.pieceCid(), p.pieceSize(), p.verifiedDeal(), p.client(), p.provider(), p.label(),
                p.startEpoch(), p.endEpoch(), p.storagePricePerEpoch(), collateral, p.clientCollateral());
    }

    private static DealProposal withPrice(DealProposal p, TokenAmount price) {
        return new DealProposal(p.pieceCid(), p.pieceSize(), p.verifiedDeal(), p.client(), p.provider(), p.label(),
                p.startEpoch(), p.endEpoch(), price, p.providerCollateral(), p.clientCollateral());
    }

    private static DealProposal verified(DealProposal p) {
        return new DealProposal(p.pieceCid(), p.pieceSize(), true, p.client(), p.provider(), p.label(),
                p.startEpoch(), p.endEpoch(), p.storagePricePerEpoch(), p.providerCollateral(), p.clientCollateral());
    }
}
