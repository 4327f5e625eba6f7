package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageReceipt;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.SignedMessage;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.store.SqlRunner;
import dev.granary.store.Store;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The devnet's tables (migration V003). All its SQL is here; it runs unchanged on SQLite and Postgres. Writes come as
 * {@link ChangeSet}s, each in one transaction.
 */
final class DevnetRepository {
    private static final String META_GENESIS = "genesis";
    private static final String META_CHAIN = "chain";
    private static final String META_MINER = "miner";
    /** Bumped when the stored layout changes incompatibly; a devnet of another format is refused, not misread. */
    private static final int FORMAT = 1;

    private static final String UPSERT_META = "INSERT INTO devnet_meta (key, value) VALUES (?, ?) "
            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String UPSERT_ACTOR = "INSERT INTO devnet_actor (id, key_address, kind, balance, nonce) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET key_address = excluded.key_address, "
            + "kind = excluded.kind, balance = excluded.balance, nonce = excluded.nonce";
    private static final String DELETE_ACTOR = "DELETE FROM devnet_actor WHERE id = ?";
    private static final String UPSERT_ESCROW = "INSERT INTO devnet_escrow (id, escrow, locked) VALUES (?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET escrow = excluded.escrow, locked = excluded.locked";
    private static final String DELETE_ESCROW = "DELETE FROM devnet_escrow WHERE id = ?";
    private static final String UPSERT_DEAL = "INSERT INTO devnet_deal (deal_id, proposal, proposal_cid, sector_number, "
            + "sector_start_epoch, last_updated_epoch, slash_epoch) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (deal_id) DO UPDATE SET proposal = excluded.proposal, proposal_cid = excluded.proposal_cid, "
            + "sector_number = excluded.sector_number, sector_start_epoch = excluded.sector_start_epoch, "
            + "last_updated_epoch = excluded.last_updated_epoch, slash_epoch = excluded.slash_epoch";
    private static final String DELETE_DEAL = "DELETE FROM devnet_deal WHERE deal_id = ?";
    private static final String UPSERT_SECTOR = "INSERT INTO devnet_sector (sector_number, status, seal_proof, sealed_cid, "
            + "seal_rand_epoch, precommit_deals, expiration, unsealed_cid, precommit_deposit, precommit_epoch, activation, "
            + "initial_pledge, faulty, deal_ids, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (sector_number) DO UPDATE SET status = excluded.status, seal_proof = excluded.seal_proof, "
            + "sealed_cid = excluded.sealed_cid, seal_rand_epoch = excluded.seal_rand_epoch, "
            + "precommit_deals = excluded.precommit_deals, expiration = excluded.expiration, "
            + "unsealed_cid = excluded.unsealed_cid, precommit_deposit = excluded.precommit_deposit, "
            + "precommit_epoch = excluded.precommit_epoch, activation = excluded.activation, "
            + "initial_pledge = excluded.initial_pledge, faulty = excluded.faulty, deal_ids = excluded.deal_ids, "
            + "ended_at = excluded.ended_at";
    private static final String DELETE_SECTOR = "DELETE FROM devnet_sector WHERE sector_number = ?";
    private static final String UPSERT_MESSAGE = "INSERT INTO devnet_message (cid, signed, pushed_at, executed_epoch, "
            + "exit_code, return_value, gas_used, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (cid) DO UPDATE SET signed = excluded.signed, pushed_at = excluded.pushed_at, "
            + "executed_epoch = excluded.executed_epoch, exit_code = excluded.exit_code, "
            + "return_value = excluded.return_value, gas_used = excluded.gas_used, notes = excluded.notes";
    private static final String DELETE_MESSAGE = "DELETE FROM devnet_message WHERE cid = ?";
    private static final String UPSERT_FORK = "INSERT INTO devnet_fork (from_epoch, generation) VALUES (?, ?) "
            + "ON CONFLICT (from_epoch) DO UPDATE SET generation = excluded.generation";
    private static final String DELETE_FORK = "DELETE FROM devnet_fork WHERE from_epoch = ?";

    private static final String SELECT_META = "SELECT key, value FROM devnet_meta";
    private static final String SELECT_ACTORS = "SELECT id, key_address, kind, balance, nonce FROM devnet_actor ORDER BY id";
    private static final String SELECT_ESCROW = "SELECT id, escrow, locked FROM devnet_escrow ORDER BY id";
    private static final String SELECT_DEALS = "SELECT deal_id, proposal, proposal_cid, sector_number, sector_start_epoch, "
            + "last_updated_epoch, slash_epoch FROM devnet_deal ORDER BY deal_id";
    private static final String SELECT_SECTORS = "SELECT sector_number, status, seal_proof, sealed_cid, seal_rand_epoch, "
            + "precommit_deals, expiration, unsealed_cid, precommit_deposit, precommit_epoch, activation, initial_pledge, "
            + "faulty, deal_ids, ended_at FROM devnet_sector ORDER BY sector_number";
    private static final String SELECT_MESSAGES = "SELECT cid, signed, pushed_at, executed_epoch, exit_code, return_value, "
            + "gas_used, notes FROM devnet_message";
    private static final String SELECT_FORKS = "SELECT from_epoch, generation FROM devnet_fork ORDER BY from_epoch";

    private final Store store;

    DevnetRepository(Store store) {
        this.store = store;
    }

    /** Writes every row of {@code changes} in one transaction. */
    Future<Void> write(ChangeSet changes) {
        return store.inTransaction(tx -> writeMeta(tx, changes)
                .compose(v -> rows(tx, UPSERT_ACTOR, DELETE_ACTOR, changes.actors(), DevnetRepository::actorRow))
                .compose(v -> rows(tx, UPSERT_ESCROW, DELETE_ESCROW, changes.escrow(), DevnetRepository::escrowRow))
                .compose(v -> rows(tx, UPSERT_DEAL, DELETE_DEAL, changes.deals(), DevnetRepository::dealRow))
                .compose(v -> rows(tx, UPSERT_SECTOR, DELETE_SECTOR, changes.sectors(), DevnetRepository::sectorRow))
                .compose(v -> rows(tx, UPSERT_MESSAGE, DELETE_MESSAGE, changes.messages(), DevnetRepository::messageRow))
                .compose(v -> rows(tx, UPSERT_FORK, DELETE_FORK, changes.forks(), DevnetRepository::forkRow)));
    }

    private static Future<Void> writeMeta(SqlRunner tx, ChangeSet changes) {
        List<Tuple> rows = new ArrayList<>();
        changes.genesis().ifPresent(g -> rows.add(Tuple.of(META_GENESIS, new JsonObject().put("format", FORMAT)
                .put("seed", g.seed()).put("sectorSize", g.sectorSize()).put("createdAt", g.createdAt()).encode())));
        changes.counters().ifPresent(c -> rows.add(Tuple.of(META_CHAIN, countersJson(c).encode())));
        changes.miner().ifPresent(m -> rows.add(Tuple.of(META_MINER, minerJson(m).encode())));
        return rows.isEmpty() ? Future.succeededFuture() : tx.executeBatch(UPSERT_META, rows).mapEmpty();
    }

    private static <K, V> Future<Void> rows(SqlRunner tx, String upsert, String delete, Map<K, Optional<V>> changed,
                                           BiFunction<K, V, Tuple> row) {
        List<Tuple> upserts = new ArrayList<>();
        List<Tuple> deletes = new ArrayList<>();
        changed.forEach((key, value) -> {
            if (value.isPresent()) {
                upserts.add(row.apply(key, value.get()));
            } else {
                deletes.add(Tuple.of(key instanceof Cid cid ? cid.toString() : key));
            }
        });
        Future<Void> done = upserts.isEmpty() ? Future.succeededFuture() : tx.executeBatch(upsert, upserts).mapEmpty();
        return deletes.isEmpty() ? done : done.compose(v -> tx.executeBatch(delete, deletes).mapEmpty());
    }

    /** The stored devnet, or empty when this store has none yet. */
    Future<Optional<StoredChain>> load() {
        return store.execute(SELECT_META).compose(metaRows -> {
            Map<String, JsonObject> meta = new HashMap<>();
            for (Row row : metaRows) {
                meta.put(row.getString("key"), new JsonObject(row.getString("value")));
            }
            if (!meta.containsKey(META_GENESIS)) {
                return Future.succeededFuture(Optional.empty());
            }
            JsonObject genesis = meta.get(META_GENESIS);
            if (genesis.getInteger("format", 0) != FORMAT) {
                return Future.failedFuture(new IllegalStateException("the store holds a devnet of format "
                        + genesis.getInteger("format") + "; this build reads format " + FORMAT));
            }
            Future<RowSet<Row>> actors = store.execute(SELECT_ACTORS);
            Future<RowSet<Row>> escrow = store.execute(SELECT_ESCROW);
            Future<RowSet<Row>> deals = store.execute(SELECT_DEALS);
            Future<RowSet<Row>> sectors = store.execute(SELECT_SECTORS);
            Future<RowSet<Row>> messages = store.execute(SELECT_MESSAGES);
            Future<RowSet<Row>> forks = store.execute(SELECT_FORKS);
            return Future.all(actors, escrow, deals, sectors, messages, forks).map(all -> Optional.of(new StoredChain(
                    new StoredChain.Genesis(genesis.getString("seed"), genesis.getLong("sectorSize"),
                            genesis.getLong("createdAt")),
                    counters(meta.get(META_CHAIN)), miner(meta.get(META_MINER)),
                    map(actors.result(), DevnetRepository::actor),
                    map(escrow.result(), r -> r).stream().collect(Collectors.toMap(r -> r.getLong("id"),
                            DevnetRepository::escrow, (a, b) -> a, TreeMap::new)),
                    map(deals.result(), DevnetRepository::deal), map(sectors.result(), DevnetRepository::sector),
                    map(messages.result(), DevnetRepository::message),
                    map(forks.result(), r -> r).stream().collect(Collectors.toMap(r -> r.getLong("from_epoch"),
                            r -> r.getLong("generation"), (a, b) -> a, TreeMap::new)))));
        });
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> read) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(read.apply(row));
        }
        return out;
    }

    // ---- rows ----

    private static Tuple actorRow(Long id, ActorState a) {
        return Tuple.of(id, a.keyAddress() == null ? null : Buffer.buffer(a.keyAddress().bytes()), a.kind().name(),
                amount(a.balance()), a.nonce());
    }

    private static ActorState actor(Row r) {
        Buffer key = r.getBuffer("key_address");
        return new ActorState(r.getLong("id"), key == null ? null : Address.fromBytes(key.getBytes()),
                ActorKind.valueOf(r.getString("kind")), amount(r.getString("balance")), r.getLong("nonce"));
    }

    private static Tuple escrowRow(Long id, MarketBalance b) {
        return Tuple.of(id, amount(b.escrow()), amount(b.locked()));
    }

    private static MarketBalance escrow(Row r) {
        return new MarketBalance(amount(r.getString("escrow")), amount(r.getString("locked")));
    }

    private static Tuple dealRow(Long id, DealRecord d) {
        return Tuple.of(id, Buffer.buffer(d.proposal().signingBytes()), d.proposalCid().toString(), d.sectorNumber(),
                d.state().sectorStartEpoch(), d.state().lastUpdatedEpoch(), d.state().slashEpoch());
    }

    private static DealRecord deal(Row r) {
        return new DealRecord(r.getLong("deal_id"), Cbor.decode(DealProposal.CODEC, r.getBuffer("proposal").getBytes()),
                Cid.parse(r.getString("proposal_cid")), r.getLong("sector_number"), new MarketDeal.DealState(
                r.getLong("sector_start_epoch"), r.getLong("last_updated_epoch"), r.getLong("slash_epoch"),
                r.getLong("sector_number")));
    }

    private static Tuple sectorRow(Long number, SectorRecord s) {
        SectorPreCommitInfo info = s.precommit().info();
        return Tuple.tuple().addValue(number).addValue(s.status().name()).addValue(info.sealProof())
                .addValue(info.sealedCid().toString()).addValue(info.sealRandEpoch()).addValue(ids(info.dealIds()))
                .addValue(info.expiration()).addValue(info.unsealedCid().map(Cid::toString).orElse(null))
                .addValue(amount(s.precommit().preCommitDeposit())).addValue(s.precommit().preCommitEpoch())
                .addValue(s.activation()).addValue(amount(s.initialPledge())).addValue(s.faulty() ? 1 : 0)
                .addValue(ids(s.dealIds())).addValue(s.endedAt());
    }

    private static SectorRecord sector(Row r) {
        String unsealed = r.getString("unsealed_cid");
        SectorPreCommitInfo info = new SectorPreCommitInfo(r.getLong("seal_proof"), r.getLong("sector_number"),
                Cid.parse(r.getString("sealed_cid")), r.getLong("seal_rand_epoch"), ids(r.getString("precommit_deals")),
                r.getLong("expiration"), Optional.ofNullable(unsealed).map(Cid::parse));
        return new SectorRecord(r.getLong("sector_number"), SectorRecord.Status.valueOf(r.getString("status")),
                new SectorPreCommitOnChainInfo(info, amount(r.getString("precommit_deposit")), r.getLong("precommit_epoch")),
                r.getLong("activation"), amount(r.getString("initial_pledge")), r.getInteger("faulty") != 0,
                ids(r.getString("deal_ids")), r.getLong("ended_at"));
    }

    private static Tuple messageRow(Cid cid, MessageRecord m) {
        Optional<MessageReceipt> receipt = m.maybeReceipt();
        return Tuple.tuple().addValue(cid.toString()).addValue(Buffer.buffer(Cbor.encode(SignedMessage.CODEC, m.signed())))
                .addValue(m.pushedAt()).addValue(m.executedEpoch())
                .addValue(receipt.map(MessageReceipt::exitCode).orElse(null))
                .addValue(receipt.map(x -> Buffer.buffer(x.returnValue())).orElse(null))
                .addValue(receipt.map(MessageReceipt::gasUsed).orElse(null))
                .addValue(new JsonArray(List.copyOf(m.notes())).encode());
    }

    private static MessageRecord message(Row r) {
        SignedMessage signed = Cbor.decode(SignedMessage.CODEC, r.getBuffer("signed").getBytes());
        long executed = r.getLong("executed_epoch");
        MessageReceipt receipt = executed < 0 ? null : new MessageReceipt(r.getLong("exit_code"),
                r.getBuffer("return_value").getBytes(), r.getLong("gas_used"));
        List<String> notes = new JsonArray(r.getString("notes")).stream().map(Object::toString).toList();
        return new MessageRecord(Cid.parse(r.getString("cid")), signed, r.getLong("pushed_at"), executed, receipt, notes);
    }

    private static Tuple forkRow(Long from, Long generation) {
        return Tuple.of(from, generation);
    }

    // ---- values ----

    private static JsonObject countersJson(ChainCounters c) {
        return new JsonObject().put("height", c.height()).put("headTimestamp", c.headTimestamp())
                .put("nextActorId", c.nextActorId()).put("nextDealId", c.nextDealId()).put("generation", c.generation());
    }

    private static ChainCounters counters(JsonObject json) {
        return new ChainCounters(json.getLong("height"), json.getLong("headTimestamp"), json.getLong("nextActorId"),
                json.getLong("nextDealId"), json.getLong("generation"));
    }

    private static JsonObject minerJson(MinerRecord m) {
        return new JsonObject().put("id", m.id()).put("owner", m.owner().toString()).put("worker", m.worker().toString())
                .put("controls", new JsonArray(m.controls().stream().map(Address::toString).toList()))
                .put("peerId", Base64.getEncoder().encodeToString(m.peerId())).put("sectorSize", m.sectorSize())
                .put("windowPoStPartitionSectors", m.windowPoStPartitionSectors());
    }

    private static MinerRecord miner(JsonObject json) {
        return new MinerRecord(json.getLong("id"), Address.parse(json.getString("owner")),
                Address.parse(json.getString("worker")),
                json.getJsonArray("controls").stream().map(a -> Address.parse(a.toString())).toList(),
                Base64.getDecoder().decode(json.getString("peerId")), json.getLong("sectorSize"),
                json.getLong("windowPoStPartitionSectors"));
    }

    private static String amount(TokenAmount amount) {
        return amount.attoFil().toString();
    }

    private static TokenAmount amount(String text) {
        return TokenAmount.ofAttoFil(new BigInteger(text));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> ids(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::parseLong).toList();
    }
}
