package dev.granary.chain.devnet;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainException;
import dev.granary.chain.ChainHead;
import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.ExitCode;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.Wallet;
import dev.granary.ipld.Cid;
import dev.granary.store.Await;
import dev.granary.store.StoreConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.granary.chain.devnet.DevnetHarness.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failure injection, message waits and lookups, head events and the seed's determinism. */
@ExtendWith(VertxExtension.class)
class DevnetFaultsTest {
    @TempDir
    Path repo;

    private DevnetHarness devnet;
    private DevnetChain chain;
    private DevnetMiner miner;
    private Address receiver;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        devnet = DevnetHarness.sqlite(vertx, repo);
        chain = devnet.chain();
        miner = await(chain.miner());
        receiver = Wallet.inRepo(repo.resolve("receiver")).newAddress(KeyType.SECP256K1);
    }

    @AfterEach
    void stop() throws Exception {
        devnet.close();
    }

    private MessageRequest send(long attoFil) {
        return new MessageRequest(miner.worker(), receiver, TokenAmount.ofAttoFil(attoFil), 0, new byte[0], TokenAmount.ZERO);
    }

    @Test
    void injectedRejectionsRefuseMatchingPushesAsOftenAsAsked() throws Exception {
        await(chain.faults().rejectPushes(request -> request.value().equals(TokenAmount.ofAttoFil(7)), 2, "mpool is full"));
        for (int i = 0; i < 2; i++) {
            ChainException e = assertInstanceOf(ChainException.class, Await.failure(chain.pushMessage(send(7))));
            assertEquals(ChainException.Kind.REJECTED, e.kind());
            assertEquals("mpool refused the message: mpool is full", e.getMessage());
        }
        await(chain.pushMessage(send(8)));
        await(chain.pushMessage(send(7)));
    }

    @Test
    void anOutOfGasMessageFailsButUsesItsNonce() throws Exception {
        await(chain.faults().outOfGas(message -> message.value().equals(TokenAmount.ofAttoFil(5))));
        Cid starved = await(chain.pushMessage(send(5)));
        Cid next = await(chain.pushMessage(send(6)));
        devnet.advance(1);
        MessageLookup failed = await(chain.searchMessage(starved)).orElseThrow();
        assertEquals(ExitCode.SYS_ERR_OUT_OF_GAS, failed.receipt().exitCode());
        assertEquals(DevnetEconomics.gasLimit(0), failed.receipt().gasUsed(), "all of its gas limit");
        assertEquals(ExitCode.OK, await(chain.searchMessage(next)).orElseThrow().receipt().exitCode(),
                "the next nonce follows");
        assertEquals(TokenAmount.ofAttoFil(6), await(chain.walletBalance(receiver)), "the starved transfer moved nothing");
        assertEquals(List.of("injected: out of gas"), await(chain.messageReport(starved)).orElseThrow().notes());
    }

    @Test
    void aReorgRevertsEpochsAndReExecutesTheirMessagesOnTheNewBranch() throws Exception {
        devnet.advance(2);
        Cid cid = await(chain.pushMessage(send(1000)));
        Future<MessageLookup> deepWait = chain.waitMessage(cid, 4);
        devnet.advance(1);
        MessageLookup before = await(chain.searchMessage(cid)).orElseThrow();
        ChainHead oldHead = devnet.advance(2);
        assertEquals(5, oldHead.epoch());
        devnet.events.clear();

        await(chain.faults().reorg(3));

        List<ChainEvent> events = List.copyOf(devnet.events);
        assertEquals(6, events.size(), events.toString());
        assertEquals(List.of(5L, 4L, 3L, 3L, 4L, 5L), events.stream().map(e -> e.head().epoch()).toList());
        events.subList(0, 3).forEach(e -> assertInstanceOf(ChainEvent.HeadReverted.class, e));
        events.subList(3, 6).forEach(e -> assertInstanceOf(ChainEvent.HeadApplied.class, e));
        assertEquals(oldHead, events.getFirst().head());
        ChainHead newHead = await(chain.head());
        assertEquals(5, newHead.epoch());
        assertNotEquals(oldHead.key(), newHead.key(), "a new branch has new tipset keys");
        assertEquals(new DevnetRandomness(DevnetConfig.DEFAULT_SEED).tipSetKey(5, 1), newHead.key());

        MessageLookup after = await(chain.searchMessage(cid)).orElseThrow();
        assertEquals(before.height(), after.height(), "re-executed at the first epoch of the new branch");
        assertNotEquals(before.tipSet(), after.tipSet());
        assertEquals(ExitCode.OK, after.receipt().exitCode());
        assertEquals(TokenAmount.ofAttoFil(1000), await(chain.walletBalance(receiver)), "executed once, not twice");
        assertFalse(deepWait.isComplete(), "confidence 4 is not reached on either branch yet");
        devnet.advance(2);
        assertEquals(after.tipSet(), await(deepWait).tipSet(), "the wait ends with the lookup on the new branch");

        ChainException tooDeep = assertInstanceOf(ChainException.class, Await.failure(chain.faults().reorg(100)));
        assertTrue(tooDeep.getMessage().startsWith("can revert 1 to"), tooDeep.getMessage());
    }

    @Test
    void waitingForAnUnknownMessageFailsAndSearchingFindsNothing() throws Exception {
        Cid unknown = new DevnetRandomness("x").tipSetKey(1, 0).cids().getFirst();
        ChainException e = assertInstanceOf(ChainException.class, Await.failure(chain.waitMessage(unknown, 0)));
        assertTrue(e.getMessage().contains("neither in the pool nor on chain"), e.getMessage());
        assertTrue(await(chain.searchMessage(unknown)).isEmpty());
    }

    @Test
    void randomnessIsTheDocumentedFunctionOfSeedEpochTagAndEntropy() throws Exception {
        devnet.advance(3);
        byte[] entropy = {1, 2, 3};
        byte[] ticket = await(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 2, entropy));
        byte[] base = blake2b("granary-devnet-ticket".getBytes(StandardCharsets.UTF_8),
                DevnetConfig.DEFAULT_SEED.getBytes(StandardCharsets.UTF_8), longBytes(2));
        assertArrayEquals(blake2b(longBytes(5), blake2b(base), longBytes(2), entropy), ticket);
        byte[] beacon = await(chain.beaconRandomness(DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED, 2, entropy));
        byte[] beaconBase = blake2b("granary-devnet-beacon".getBytes(StandardCharsets.UTF_8),
                DevnetConfig.DEFAULT_SEED.getBytes(StandardCharsets.UTF_8), longBytes(2));
        assertArrayEquals(blake2b(longBytes(6), blake2b(beaconBase), longBytes(2), entropy), beacon);

        ChainException future = assertInstanceOf(ChainException.class,
                Await.failure(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 4, entropy)));
        assertTrue(future.getMessage().contains("after the head 3"), future.getMessage());
    }

    @Test
    void twoDevnetsWithOneSeedAgreeAndAnotherSeedDiffers(Vertx vertx, @TempDir Path same, @TempDir Path other)
            throws Exception {
        ChainHead mine = devnet.advance(2);
        byte[] entropy = {9};
        try (DevnetHarness twin = DevnetHarness.sqlite(vertx, same);
             DevnetHarness stranger = DevnetHarness.start(vertx, other, new StoreConfig("", 4),
                     DevnetConfig.manual().withSeed("another seed"))) {
            assertEquals(mine.key(), twin.advance(2).key());
            assertArrayEquals(await(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 1, entropy)),
                    await(twin.chain().ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 1, entropy)));
            assertNotEquals(mine.key(), stranger.advance(2).key());
            assertFalse(java.util.Arrays.equals(
                    await(chain.ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 1, entropy)),
                    await(stranger.chain().ticketRandomness(DomainSeparationTag.SEAL_RANDOMNESS, 1, entropy))));
        }
    }

    @Test
    void aBlockTimeClockProducesHeadsOnItsOwn(Vertx vertx, @TempDir Path clocked) throws Exception {
        try (DevnetHarness running = DevnetHarness.start(vertx, clocked, new StoreConfig("", 4),
                DevnetConfig.manual().withBlockTime(Duration.ofMillis(50)))) {
            running.awaitEvents(3, 20);
            List<Long> epochs = running.events.stream().limit(3).map(e -> e.head().epoch()).toList();
            assertEquals(List.of(1L, 2L, 3L), epochs);
        }
    }

    private static byte[] blake2b(byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
