package dev.granary.chain.devnet;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainException;
import dev.granary.chain.ChainHead;
import dev.granary.chain.ExitCode;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.Wallet;
import dev.granary.ipld.Cid;
import dev.granary.p2p.identity.IdentityFile;
import dev.granary.store.Await;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The devnet's chain mechanics: genesis, the manual clock, accounts, the faucet and plain messages. */
@ExtendWith(VertxExtension.class)
class DevnetChainTest {
    @TempDir
    Path repo;

    private DevnetHarness devnet;
    private DevnetChain chain;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        devnet = DevnetHarness.sqlite(vertx, repo);
        chain = devnet.chain();
    }

    @AfterEach
    void stop() throws Exception {
        devnet.close();
    }

    @Test
    void genesisCreatesTheMinerWithWalletKeysAndTheNodesPeerId() throws Exception {
        assertEquals(0, await(chain.head()).epoch());
        DevnetMiner miner = await(chain.miner());
        assertEquals(Address.id(1000), miner.miner());
        assertEquals(Address.id(100), miner.owner());
        assertEquals(Address.id(101), miner.worker());
        assertEquals(2048, miner.sectorSize());
        Wallet wallet = Wallet.inRepo(repo);
        assertTrue(wallet.has(miner.ownerKey()) && wallet.has(miner.workerKey()), "owner and worker keys in keys/");
        assertEquals(IdentityFile.loadOrCreate(repo).peerId().toString(), miner.peerIdText());
        assertEquals(DevnetEconomics.GENESIS_KEY_FUNDS, await(chain.walletBalance(miner.workerKey())));
        assertEquals(miner.workerKey(), await(chain.accountKey(miner.worker())));
        Address unseen = Wallet.inRepo(repo.resolve("unseen")).newAddress(KeyType.SECP256K1);
        assertEquals(unseen, await(chain.accountKey(unseen)), "a key address is its own key");
        assertEquals(Optional.empty(), await(chain.lookupId(unseen)));
        ChainException notAnAccount = assertInstanceOf(ChainException.class, Await.failure(chain.accountKey(Address.id(5))));
        assertTrue(notAnAccount.getMessage().contains("is not an account"), notAnAccount.getMessage());
        assertEquals(Optional.of(miner.worker()), await(chain.lookupId(miner.workerKey())));
        var info = await(chain.minerInfo(Address.id(1000)));
        assertEquals(miner.worker(), info.worker());
        assertEquals(2, info.windowPoStPartitionSectors());
    }

    @Test
    void networkParametersAndBoundsAreTheDocumentedDevnetRules() throws Exception {
        var params = await(chain.networkParameters());
        assertEquals(DevnetChain.NETWORK_NAME, params.networkName());
        assertEquals(0, params.blockDelaySeconds(), "a manual clock");
        assertEquals(10, params.preCommitChallengeDelay());
        assertEquals(180, params.minDealDuration());
        assertEquals(1278 * 2880, params.maxDealDuration());
        assertEquals(10 + 2880, params.maxProveCommitDuration());
        assertEquals(SealProofs.SECTOR_SIZES, params.sectorSizes());
        var bounds = await(chain.dealProviderCollateralBounds(2048, false));
        assertEquals(TokenAmount.ofAttoFil(2048L * DevnetEconomics.PROVIDER_COLLATERAL_PER_BYTE), bounds.min());
        assertEquals(DevnetEconomics.TOTAL_SUPPLY, bounds.max());
        assertEquals(bounds, await(chain.dealProviderCollateralBounds(2048, true)), "verified or not");
        assertInstanceOf(ChainException.class, Await.failure(chain.dealProviderCollateralBounds(1000, false)));
        assertEquals(Optional.empty(), await(chain.verifiedClientDataCap(Address.id(100))), "no verified registry");
    }

    @Test
    void aManualClockMovesOnlyWhenAdvancedAndEveryHeadIsPublished() throws Exception {
        ChainHead genesis = await(chain.head());
        ChainHead third = devnet.advance(3);
        assertEquals(3, third.epoch());
        assertEquals(third, await(chain.head()));
        assertEquals(List.of(1L, 2L, 3L), devnet.events.stream().map(e -> e.head().epoch()).toList());
        devnet.events.forEach(e -> assertInstanceOf(ChainEvent.HeadApplied.class, e));
        assertNotEquals(genesis.key(), third.key());
        assertEquals(new DevnetRandomness(DevnetConfig.DEFAULT_SEED).tipSetKey(3, 0), third.key(),
                "tipset keys derive from the seed and the epoch");
    }

    @Test
    void theFaucetCreatesAccountsFromId100UpAndFundsThem() throws Exception {
        Address client = Wallet.inRepo(repo.resolve("client")).newAddress(KeyType.SECP256K1);
        AccountFunds funded = await(chain.fund(client, TokenAmount.ofFil(10)));
        assertEquals(Address.id(102), funded.idAddress(), "after the owner's f0100 and the worker's f0101");
        assertEquals(TokenAmount.ofFil(10), funded.balance());
        AccountFunds escrow = await(chain.addEscrow(client, TokenAmount.ofFil(2)));
        assertEquals(TokenAmount.ofFil(2), escrow.escrow().escrow());
        assertEquals(TokenAmount.ofFil(2), await(chain.marketBalance(Address.id(102))).available());
        ChainException unknownId = assertInstanceOf(ChainException.class,
                Await.failure(chain.fund(Address.id(4242), TokenAmount.ofFil(1))));
        assertTrue(unknownId.getMessage().contains("does not exist"), unknownId.getMessage());
    }

    @Test
    void aValueTransferIsIncludedAtTheNextEpochAndFoundWithConfidence() throws Exception {
        DevnetMiner miner = await(chain.miner());
        Address receiver = Wallet.inRepo(repo.resolve("other")).newAddress(KeyType.SECP256K1);
        Cid cid = await(chain.pushMessage(new MessageRequest(miner.worker(), receiver, TokenAmount.ofFil(3), 0,
                new byte[0], TokenAmount.ZERO)));
        assertEquals(Optional.empty(), await(chain.searchMessage(cid)), "pending until its epoch");
        var waiting = chain.waitMessage(cid, 2);
        devnet.advance(1);
        MessageLookup lookup = await(chain.searchMessage(cid)).orElseThrow();
        assertEquals(1, lookup.height());
        assertEquals(ExitCode.OK, lookup.receipt().exitCode());
        assertEquals(DevnetEconomics.SEND_GAS, lookup.receipt().gasUsed());
        assertTrue(!waiting.isComplete(), "confidence 2 needs two more epochs");
        devnet.advance(2);
        assertEquals(lookup, await(waiting));
        assertEquals(TokenAmount.ofFil(3), await(chain.walletBalance(receiver)));
        assertEquals(DevnetEconomics.GENESIS_KEY_FUNDS.subtract(TokenAmount.ofFil(3)),
                await(chain.walletBalance(miner.worker())));
    }

    @Test
    void aSenderWithoutAWalletKeyIsRefused() throws Exception {
        Address stranger = Wallet.inRepo(repo.resolve("stranger")).newAddress(KeyType.SECP256K1);
        await(chain.fund(stranger, TokenAmount.ofFil(1)));
        ChainException e = assertInstanceOf(ChainException.class, Await.failure(chain.pushMessage(
                new MessageRequest(stranger, Address.id(99), TokenAmount.ofAttoFil(1), 0, new byte[0], TokenAmount.ZERO))));
        assertEquals(ChainException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("not a key in this node's wallet"), e.getMessage());
    }
}
