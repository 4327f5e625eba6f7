package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageReceipt;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.Message;
import dev.granary.filecoin.chain.SignedMessage;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.piece.Commp;
import dev.granary.store.Store;
import dev.granary.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devnet's SQL: every row kind written and read back exactly, updates, deletes and one transaction per change
 * set, written once and run on SQLite and Postgres by a subclass supplying the store.
 */
@ExtendWith(VertxExtension.class)
abstract class DevnetRepositoryContract {
    @TempDir
    Path dir;

    protected Vertx vertx;
    private Store store;
    private DevnetRepository repository;

    protected abstract StoreConfig storeConfig();

    @BeforeEach
    void open(Vertx vertx) throws Exception {
        this.vertx = vertx;
        store = await(Store.open(vertx, storeConfig(), dir.resolve("granary.db"), null));
        repository = new DevnetRepository(store);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            await(store.close());
            store = null;
        }
    }

    static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }

    @Test
    void anEmptyStoreHasNoDevnet() throws Exception {
        assertEquals(Optional.empty(), await(repository.load()));
    }

    @Test
    void everyRowKindRoundTrips() throws Exception {
        StoredChain.Genesis genesis = new StoredChain.Genesis("séed ✓", 2048, 1_700_000_000);
        ChainCounters counters = new ChainCounters(42, 1_700_000_042, 105, 7, 1);
        MinerRecord miner = new MinerRecord(1000, Address.id(100), Address.id(101), List.of(Address.id(102)),
                new byte[]{0, 36, 8, 1}, 2048, 2);
        Address key = Address.secp256k1(uncompressedKey());
        ActorState account = new ActorState(100, key, ActorKind.ACCOUNT,
                TokenAmount.ofAttoFil(new BigInteger("123456789012345678901234567890")), 9);
        ActorState market = new ActorState(5, null, ActorKind.MARKET, TokenAmount.ofFil(3), 0);
        MarketBalance escrow = new MarketBalance(TokenAmount.ofFil(3), TokenAmount.ofAttoFil(1));
        DealRecord deal = deal(3);
        SectorRecord precommitted = SectorRecord.precommitted(precommit(4, Optional.empty()));
        SectorRecord active = SectorRecord.precommitted(precommit(5, Optional.of(deal.proposal().pieceCid())))
                .activated(40, TokenAmount.ofAttoFil(2048000), List.of(3L, 4L));
        MessageRecord pending = MessageRecord.pending(signed(1), 40);
        MessageRecord executed = MessageRecord.pending(signed(2), 39).executed(41,
                new MessageReceipt(16, new byte[]{(byte) 0x82, 0}, 10_000_000), List.of("invalid deal 0: ünïcode\nnewline"));

        await(repository.write(new ChangeSet(Optional.of(genesis), Optional.of(counters), Optional.of(miner),
                map(100L, account, 5L, market), map(100L, escrow), map(3L, deal),
                map(4L, precommitted, 5L, active), map(pending.cid(), pending, executed.cid(), executed),
                map(12L, 1L))));

        StoredChain loaded = await(repository.load()).orElseThrow();
        assertEquals(genesis, loaded.genesis());
        assertEquals(counters, loaded.counters());
        assertEquals(miner, loaded.miner());
        assertEquals(List.of(market, account), loaded.actors(), "ordered by ID");
        assertEquals(Map.of(100L, escrow), loaded.escrow());
        assertEquals(List.of(deal), loaded.deals());
        assertEquals(List.of(precommitted, active), loaded.sectors());
        assertEquals(Map.of(12L, 1L), loaded.forks());
        Map<Cid, MessageRecord> messages = new LinkedHashMap<>();
        loaded.messages().forEach(m -> messages.put(m.cid(), m));
        assertEquals(pending, messages.get(pending.cid()));
        MessageRecord back = messages.get(executed.cid());
        assertEquals(executed.notes(), back.notes());
        assertEquals(41, back.executedEpoch());
        assertEquals(16, back.receipt().exitCode());
        assertArrayEquals(new byte[]{(byte) 0x82, 0}, back.receipt().returnValue());
        assertEquals(executed.signed(), back.signed());
    }

    @Test
    void laterChangeSetsUpdateAndDeleteRows() throws Exception {
        ChainCounters counters = new ChainCounters(1, 1, 100, 0, 0);
        await(repository.write(new ChangeSet(Optional.of(new StoredChain.Genesis("s", 2048, 1)), Optional.of(counters),
                Optional.of(new MinerRecord(1000, Address.id(100), Address.id(101), List.of(), new byte[0], 2048, 2)),
                map(5L, new ActorState(5, null, ActorKind.MARKET, TokenAmount.ofFil(1), 0)),
                map(100L, new MarketBalance(TokenAmount.ofFil(1), TokenAmount.ZERO)), map(3L, deal(3)), Map.of(),
                Map.of(), Map.of())));
        MessageRecord pending = MessageRecord.pending(signed(1), 1);
        await(repository.write(ChangeSet.message(pending)));

        await(repository.write(new ChangeSet(Optional.empty(), Optional.of(counters.withHead(2, 2)), Optional.empty(),
                map(5L, new ActorState(5, null, ActorKind.MARKET, TokenAmount.ofFil(2), 0)),
                Map.of(100L, Optional.empty()), Map.of(3L, Optional.empty()), Map.of(),
                map(pending.cid(), pending.executed(2, new MessageReceipt(0, new byte[0], 1), List.of())), Map.of())));

        StoredChain loaded = await(repository.load()).orElseThrow();
        assertEquals(2, loaded.counters().height());
        assertEquals(TokenAmount.ofFil(2), loaded.actors().getFirst().balance());
        assertTrue(loaded.escrow().isEmpty());
        assertTrue(loaded.deals().isEmpty());
        assertEquals(2, loaded.messages().getFirst().executedEpoch());
    }

    @Test
    void aChangeSetIsOneTransaction() throws Exception {
        await(repository.write(new ChangeSet(Optional.of(new StoredChain.Genesis("s", 2048, 1)),
                Optional.of(new ChainCounters(1, 1, 100, 0, 0)),
                Optional.of(new MinerRecord(1000, Address.id(100), Address.id(101), List.of(), new byte[0], 2048, 2)),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of())));
        // The fork rows are written last; with their table gone that write fails after the counters were written.
        ChangeSet failsLate = new ChangeSet(Optional.empty(), Optional.of(new ChainCounters(9, 9, 100, 0, 0)),
                Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), map(1L, 2L));
        await(store.execute("DROP TABLE devnet_fork"));
        dev.granary.store.Await.failure(repository.write(failsLate));
        await(store.execute("CREATE TABLE devnet_fork (from_epoch BIGINT PRIMARY KEY, generation BIGINT NOT NULL)"));
        assertEquals(1, await(repository.load()).orElseThrow().counters().height(), "the counters were rolled back");
    }

    private static <K, V> Map<K, Optional<V>> map(K key, V value) {
        Map<K, Optional<V>> map = new LinkedHashMap<>();
        map.put(key, Optional.of(value));
        return map;
    }

    private static <K, V> Map<K, Optional<V>> map(K k1, V v1, K k2, V v2) {
        Map<K, Optional<V>> map = map(k1, v1);
        map.put(k2, Optional.of(v2));
        return map;
    }

    private static DealRecord deal(long id) {
        Cid piece = Commp.of(new byte[]{1, 2, 3}).cidV1();
        DealProposal proposal = new DealProposal(piece, 128, false, Address.id(100), Address.id(1000),
                DealLabel.text("label"), 100, 300, TokenAmount.ofAttoFil(5), TokenAmount.ofAttoFil(6), TokenAmount.ZERO);
        return new DealRecord(id, proposal, dev.granary.filecoin.chain.DagCborCids.of(proposal.signingBytes()), 5,
                new MarketDeal.DealState(40, -1, -1, 5));
    }

    private static SectorPreCommitOnChainInfo precommit(long number, Optional<Cid> unsealed) {
        Cid sealed = Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, new byte[32]));
        return new SectorPreCommitOnChainInfo(new SectorPreCommitInfo(5, number, sealed, 30, List.of(3L), 5000, unsealed),
                TokenAmount.ofAttoFil(2048000), 31);
    }

    private static SignedMessage signed(long nonce) {
        Message message = new Message(0, Address.id(5), Address.id(101), nonce, TokenAmount.ZERO, 12_500_000,
                TokenAmount.ZERO, TokenAmount.ZERO, 4, new byte[]{(byte) 0x81, (byte) 0x80});
        return new SignedMessage(message, new Signature(SignatureType.SECP256K1, new byte[65]));
    }

    private static byte[] uncompressedKey() {
        byte[] key = new byte[65];
        key[0] = 4;
        return key;
    }
}
