package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;
import dev.granary.chain.actor.AddBalanceParams;
import dev.granary.chain.actor.MarketMethod;
import dev.granary.chain.actor.PublishStorageDealsParams;
import dev.granary.chain.actor.WithdrawBalanceParams;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.Secp256k1;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.Message;
import dev.granary.filecoin.chain.SignedMessage;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.piece.Commp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devnet's market rules as properties over random sequences of faucet payments, deposits, publications (valid
 * and not), withdrawals and epochs: no FIL is created or lost (every balance adds up to the total supply, burns
 * included), the market holds exactly the escrow it owes, no escrow goes negative or locks more than it holds, burnt
 * funds only grow, and undoing an epoch's journal gives back the state before it (what reorgs rely on).
 */
class DevnetMoneyProperties {
    private static final int CLIENTS = 3;
    private static final byte[][] CLIENT_KEYS = new byte[CLIENTS + 1][];
    private static final Address[] CLIENT_ADDRESSES = new Address[CLIENTS + 1];

    static {
        for (int i = 0; i <= CLIENTS; i++) {
            byte[] key = new byte[32];
            key[31] = (byte) (i + 1);
            key[0] = 0x11;
            CLIENT_KEYS[i] = key;
            CLIENT_ADDRESSES[i] = Address.secp256k1(Secp256k1.publicKey(key));
        }
    }

    /** One step of a random history. */
    sealed interface Step {
    }

    record Fund(int client, long fil) implements Step {
    }

    record Deposit(int client, long attoFil) implements Step {
    }

    record Withdraw(int client, long attoFil) implements Step {
    }

    /** A deal by {@code client}, signed by the right key or by the spare one. */
    record Deal(int client, long startIn, long duration, long price, long collateralDelta, boolean forged) {
    }

    record Publish(List<Deal> deals) implements Step {
    }

    record Advance(int epochs) implements Step {
    }

    @Property(tries = 100)
    void moneyIsNeverCreatedOrLostAndEscrowNeverGoesNegative(@ForAll("histories") List<Step> history) {
        Run run = new Run();
        TokenAmount burnt = TokenAmount.ZERO;
        for (Step step : history) {
            run.apply(step);
            run.checkBooks();
            TokenAmount nowBurnt = run.runtime.accounts.get(DevnetActors.BURNT_ID).balance();
            assertTrue(nowBurnt.compareTo(burnt) >= 0, "burnt funds only grow");
            burnt = nowBurnt;
        }
        long published = run.runtime.state.counters().nextDealId();
        Statistics.label("deals published").collect(published == 0 ? "none" : published < 3 ? "1-2" : "3+");
        Statistics.label("collateral burnt").collect(burnt.signum() > 0);
    }

    @Property(tries = 40)
    void undoingAnEpochsJournalRestoresTheStateBeforeIt(@ForAll("histories") List<Step> history) {
        Run run = new Run();
        for (Step step : history) {
            run.apply(step);
        }
        run.runtime.state.journal.drain();
        Map<String, List<?>> before = run.snapshot();
        Publish publish = new Publish(List.of(new Deal(0, 50, 200, 10, 0, false), new Deal(1, 50, 200, 10, 0, true)));
        run.queue(publish);
        run.queue(new Deposit(2, 1000));
        run.runtime.producer.produce(0);
        List<Journal.Entry> epoch = run.runtime.state.journal.drain();
        for (int i = epoch.size() - 1; i >= 0; i--) {
            epoch.get(i).undo();
        }
        Map<String, List<?>> after = run.snapshot();
        after.put("message", before.get("message")); // the queued messages were pushed untracked; they stay in the pool
        assertEquals(before, after);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> client = Arbitraries.integers().between(0, CLIENTS - 1);
        Arbitrary<Step> fund = Combinators.combine(client, Arbitraries.longs().between(1, 5)).as(Fund::new);
        Arbitrary<Step> deposit = Combinators.combine(client, Arbitraries.longs().between(1, 2_000_000)).as(Deposit::new);
        Arbitrary<Step> withdraw = Combinators.combine(client, Arbitraries.longs().between(0, 3_000_000)).as(Withdraw::new);
        Arbitrary<Deal> deal = Combinators.combine(client, Arbitraries.longs().between(-5, 40),
                Arbitraries.longs().between(150, 260), Arbitraries.longs().between(0, 3_000),
                Arbitraries.longs().between(-1, 3), Arbitraries.of(false, false, false, true)).as(Deal::new);
        Arbitrary<Step> publish = deal.list().ofMinSize(1).ofMaxSize(4).map(Publish::new);
        Arbitrary<Step> advance = Arbitraries.integers().between(1, 30).map(Advance::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, fund), net.jqwik.api.Tuple.of(3, deposit), net.jqwik.api.Tuple.of(1, withdraw),
                net.jqwik.api.Tuple.of(5, publish), net.jqwik.api.Tuple.of(3, advance)).list().ofMinSize(3).ofMaxSize(25);
    }

    /** A devnet without a clock or a store: the runtime the verticle drives, driven directly. */
    private static final class Run {
        final DevnetRuntime runtime;
        final Address worker;
        final Map<Integer, Integer> pieces = new HashMap<>();
        int pieceCounter;

        Run() {
            Address owner = Address.secp256k1(Secp256k1.publicKey(key(0x21)));
            worker = Address.secp256k1(Secp256k1.publicKey(key(0x22)));
            DevnetConfig config = DevnetConfig.manual();
            DevnetState state = Genesis.create(config, owner, worker, new byte[0], 0);
            state.journal.drain();
            runtime = new DevnetRuntime(state, config);
            runtime.accounts.transfer(DevnetActors.RESERVE_ID, DevnetActors.MARKET_ID, TokenAmount.ofFil(1));
            runtime.escrow.deposit(DevnetActors.MINER_ID, TokenAmount.ofFil(1));
            // Clients start with funds, the first two with some escrow, so short histories reach the deal rules.
            for (int client = 0; client < CLIENTS; client++) {
                apply(new Fund(client, 1));
                if (client < 2) {
                    apply(new Deposit(client, 1_000_000));
                }
            }
        }

        void apply(Step step) {
            switch (step) {
                case Fund f -> runtime.accounts.transfer(DevnetActors.RESERVE_ID,
                        runtime.accounts.resolveOrCreate(CLIENT_ADDRESSES[f.client()]).id(), TokenAmount.ofFil(f.fil()));
                case Advance a -> {
                    for (int i = 0; i < a.epochs(); i++) {
                        runtime.producer.produce(0);
                    }
                }
                default -> {
                    queue(step);
                    runtime.producer.produce(0);
                }
            }
        }

        /** Pushes the step's message into the pool, as PushHandler would (signatures on messages are not checked). */
        void queue(Step step) {
            Message message = switch (step) {
                case Deposit d -> message(CLIENT_ADDRESSES[d.client()], TokenAmount.ofAttoFil(d.attoFil()),
                        MarketMethod.ADD_BALANCE, Cbor.encode(AddBalanceParams.CODEC,
                                new AddBalanceParams(CLIENT_ADDRESSES[d.client()])));
                case Withdraw w -> message(CLIENT_ADDRESSES[w.client()], TokenAmount.ZERO, MarketMethod.WITHDRAW_BALANCE,
                        Cbor.encode(WithdrawBalanceParams.CODEC, new WithdrawBalanceParams(CLIENT_ADDRESSES[w.client()],
                                TokenAmount.ofAttoFil(w.attoFil()))));
                case Publish p -> message(worker, TokenAmount.ZERO, MarketMethod.PUBLISH_STORAGE_DEALS,
                        Cbor.encode(PublishStorageDealsParams.CODEC, new PublishStorageDealsParams(
                                p.deals().stream().map(this::signed).toList())));
                default -> throw new IllegalArgumentException(step.toString());
            };
            MessageRecord pending = MessageRecord.pending(new SignedMessage(message,
                    new Signature(SignatureType.SECP256K1, new byte[65])), runtime.state.height() - 1);
            runtime.state.messages.putUntracked(pending.cid(), pending);
        }

        private Message message(Address from, TokenAmount value, long method, byte[] params) {
            long nonce = runtime.accounts.resolve(from).map(runtime.pool::nextNonce).orElse(0L);
            return new Message(0, DevnetActors.MARKET, from, nonce, value, DevnetEconomics.gasLimit(method),
                    TokenAmount.ZERO, TokenAmount.ZERO, method, params);
        }

        private ClientDealProposal signed(Deal deal) {
            long start = runtime.state.height() + 1 + deal.startIn();
            var piece = Commp.of(new byte[]{(byte) pieceCounter, (byte) (pieceCounter++ >> 8), 7});
            TokenAmount collateral = DevnetEconomics.providerCollateralBounds(piece.size().bytes()).min()
                    .add(TokenAmount.ofAttoFil(deal.collateralDelta()));
            DealProposal proposal = new DealProposal(piece.cidV1(), piece.size().bytes(), false,
                    CLIENT_ADDRESSES[deal.client()], DevnetActors.MINER, DealLabel.EMPTY, start, start + deal.duration(),
                    TokenAmount.ofAttoFil(deal.price()), collateral, TokenAmount.ZERO);
            byte[] key = deal.forged() ? CLIENT_KEYS[CLIENTS] : CLIENT_KEYS[deal.client()];
            return new ClientDealProposal(proposal, new Signature(SignatureType.SECP256K1,
                    Secp256k1.sign(key, proposal.signingBytes())));
        }

        void checkBooks() {
            assertEquals(DevnetEconomics.TOTAL_SUPPLY, runtime.accounts.totalBalance(), "all FIL accounted for");
            TokenAmount escrow = TokenAmount.ZERO;
            for (MarketBalance balance : runtime.state.escrow.values()) {
                assertTrue(!balance.locked().isNegative() && !balance.available().isNegative(), balance.toString());
                escrow = escrow.add(balance.escrow());
            }
            assertEquals(escrow, runtime.accounts.get(DevnetActors.MARKET_ID).balance(), "the market holds what it owes");
            TokenAmount locked = TokenAmount.ZERO;
            for (DealRecord deal : runtime.state.deals.values()) {
                locked = locked.add(MarketActor.clientRequirement(deal.proposal())).add(deal.proposal().providerCollateral());
            }
            TokenAmount allLocked = TokenAmount.ZERO;
            for (MarketBalance balance : runtime.state.escrow.values()) {
                allLocked = allLocked.add(balance.locked());
            }
            assertEquals(locked, allLocked, "locked funds are exactly what live deals hold");
        }

        Map<String, List<?>> snapshot() {
            DevnetState s = runtime.state;
            Map<String, List<?>> tables = new HashMap<>();
            tables.put("actor", List.copyOf(s.actors.values()));
            tables.put("actor-index", List.copyOf(s.actorIds.keys()));
            tables.put("escrow", List.copyOf(s.escrow.values()));
            tables.put("deal", List.copyOf(s.deals.values()));
            tables.put("deal-index", List.copyOf(s.dealsByProposal.keys()));
            tables.put("sector", List.copyOf(s.sectors.values()));
            tables.put("message", s.messages.values().stream().map(m -> m.cid() + "@" + m.executedEpoch()).toList());
            tables.put("chain", List.of(s.counters()));
            return tables;
        }

        private static byte[] key(int marker) {
            byte[] key = new byte[32];
            key[0] = (byte) marker;
            key[31] = 1;
            return key;
        }
    }
}
