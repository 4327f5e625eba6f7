package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.actor.AddBalanceParams;
import dev.granary.chain.actor.BitField;
import dev.granary.chain.actor.MarketMethod;
import dev.granary.chain.actor.PublishStorageDealsParams;
import dev.granary.chain.actor.PublishStorageDealsReturn;
import dev.granary.chain.actor.WithdrawBalanceParams;
import dev.granary.chain.actor.WithdrawBalanceReturn;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.chain.DagCborCids;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage market actor (f05): escrow deposits and withdrawals, and PublishStorageDeals with the real actor's
 * checks, order and per-deal handling (builtin-actors {@code publish_storage_deals}): an invalid deal is skipped with
 * a reason, the valid ones get sequential IDs, and only a batch with no valid deal fails the message.
 */
final class MarketActor implements BuiltinActor {
    private static final Logger log = LoggerFactory.getLogger(MarketActor.class);

    private final DevnetState state;
    private final Accounts accounts;
    private final Escrow escrow;
    private final DealValidation validation;

    MarketActor(DevnetState state, Accounts accounts, Escrow escrow, DealValidation validation) {
        this.state = state;
        this.accounts = accounts;
        this.escrow = escrow;
        this.validation = validation;
    }

    @Override
    public byte[] invoke(Invocation call) {
        if (call.method() == MarketMethod.ADD_BALANCE) {
            addBalance(call);
            return new byte[0];
        }
        if (call.method() == MarketMethod.WITHDRAW_BALANCE) {
            return Cbor.encode(WithdrawBalanceReturn.CODEC, withdrawBalance(call));
        }
        if (call.method() == MarketMethod.PUBLISH_STORAGE_DEALS) {
            return Cbor.encode(PublishStorageDealsReturn.CODEC, publish(call));
        }
        throw new ActorError(ExitCode.ERR_UNHANDLED_MESSAGE, "market actor has no method " + call.method());
    }

    private void addBalance(Invocation call) {
        if (call.value().signum() <= 0) {
            throw ActorError.illegalArgument("balance to add must be greater than zero was: " + call.value().toAttoFilString());
        }
        Address nominal = call.params(AddBalanceParams.CODEC, "AddBalanceParams").address();
        escrow.deposit(escrowHolder(nominal).id(), call.value());
    }

    private WithdrawBalanceReturn withdrawBalance(Invocation call) {
        WithdrawBalanceParams params = call.params(WithdrawBalanceParams.CODEC, "WithdrawBalanceParams");
        if (params.amount().isNegative()) {
            throw ActorError.illegalArgument("negative amount " + params.amount().toAttoFilString());
        }
        ActorState holder = escrowHolder(params.providerOrClient());
        // For a miner, its owner and worker may withdraw and the owner receives; an account withdraws for itself.
        Address recipient = holder.kind() == ActorKind.MINER ? state.miner().owner() : holder.idAddress();
        boolean approved = holder.kind() == ActorKind.MINER
                ? state.miner().owner().equals(call.caller().idAddress()) || state.miner().worker().equals(call.caller().idAddress())
                : holder.id() == call.caller().id();
        if (!approved) {
            throw ActorError.forbidden("caller " + call.caller().idAddress() + " may not withdraw for " + holder.idAddress());
        }
        TokenAmount amount = params.amount().min(escrow.available(holder.id()));
        escrow.withdraw(holder.id(), amount);
        accounts.transfer(DevnetActors.MARKET_ID, accounts.resolve(recipient).orElseThrow().id(), amount);
        return new WithdrawBalanceReturn(amount);
    }

    private ActorState escrowHolder(Address address) {
        return accounts.resolve(address).orElseThrow(() -> ActorError.notFound("failed to resolve address " + address));
    }

    private PublishStorageDealsReturn publish(Invocation call) {
        List<ClientDealProposal> deals = call.params(PublishStorageDealsParams.CODEC, "PublishStorageDealsParams").deals();
        if (deals.isEmpty()) {
            throw ActorError.illegalArgument("Empty deals parameter");
        }
        Address providerRaw = deals.getFirst().proposal().provider();
        ActorState provider = accounts.resolve(providerRaw)
                .orElseThrow(() -> ActorError.notFound("failed to resolve provider address " + providerRaw));
        if (provider.kind() != ActorKind.MINER) {
            throw ActorError.illegalArgument("deal provider is not a storage miner actor");
        }
        if (!state.miner().isControlling(call.caller().idAddress())) {
            throw ActorError.forbidden("caller " + call.caller().idAddress() + " is not worker or control address of provider "
                    + provider.idAddress());
        }
        Batch batch = new Batch(provider, call.epoch());
        for (int i = 0; i < deals.size(); i++) {
            Optional<String> problem = batch.admit(deals.get(i));
            if (problem.isPresent()) {
                String note = "invalid deal " + i + ": " + problem.get();
                log.info("PublishStorageDeals: {}", note);
                call.note(note);
            } else {
                batch.validPositions.add((long) i);
            }
        }
        if (batch.valid.isEmpty()) {
            throw ActorError.illegalArgument("All deal proposals invalid");
        }
        List<Long> ids = new ArrayList<>();
        for (DealProposal proposal : batch.valid) {
            ids.add(store(proposal));
        }
        return new PublishStorageDealsReturn(ids, BitField.of(batch.validPositions));
    }

    private long store(DealProposal proposal) {
        long clientId = proposal.client().id();
        escrow.lock(clientId, clientRequirement(proposal));
        escrow.lock(proposal.provider().id(), proposal.providerCollateral());
        ChainCounters counters = state.counters();
        long id = counters.nextDealId();
        state.setCounters(counters.withNextDealId(id + 1));
        Cid cid = DagCborCids.of(proposal.signingBytes());
        state.deals.put(id, new DealRecord(id, proposal, cid, DealRecord.NO_SECTOR, MarketDeal.DealState.UNACTIVATED));
        state.dealsByProposal.put(cid, id);
        return id;
    }

    static TokenAmount storageFee(DealProposal p) {
        return p.storagePricePerEpoch().multiply(p.endEpoch() - p.startEpoch());
    }

    static TokenAmount clientRequirement(DealProposal p) {
        return p.clientCollateral().add(storageFee(p));
    }

    /** The balance checks that follow validation, with what earlier deals of the same batch already claimed. */
    private final class Batch {
        private final ActorState provider;
        private final long epoch;
        private final Map<Long, TokenAmount> clientLockup = new HashMap<>();
        private TokenAmount providerLockup = TokenAmount.ZERO;
        private final Set<Cid> proposalCids = new HashSet<>();
        private final List<DealProposal> valid = new ArrayList<>();
        private final List<Long> validPositions = new ArrayList<>();

        Batch(ActorState provider, long epoch) {
            this.provider = provider;
            this.epoch = epoch;
        }

        Optional<String> admit(ClientDealProposal deal) {
            Optional<String> problem = validation.problem(deal, epoch);
            if (problem.isPresent()) {
                return problem;
            }
            DealProposal p = deal.proposal();
            if (accounts.resolve(p.provider()).map(ActorState::id).orElse(-1L) != provider.id()) {
                return Optional.of("cannot publish deals from multiple providers in one batch");
            }
            Optional<ActorState> client = accounts.resolve(p.client());
            if (client.isEmpty()) {
                return Optional.of("failed to resolve proposal.client address " + p.client() + " for deal");
            }
            long clientId = client.get().id();
            TokenAmount clientTotal = clientLockup.getOrDefault(clientId, TokenAmount.ZERO).add(clientRequirement(p));
            if (escrow.available(clientId).compareTo(clientTotal) < 0) {
                return Optional.of("insufficient client funds to cover proposal cost");
            }
            TokenAmount providerTotal = providerLockup.add(p.providerCollateral());
            if (escrow.available(provider.id()).compareTo(providerTotal) < 0) {
                return Optional.of("insufficient provider funds to cover proposal cost");
            }
            // Normalised to ID addresses before the CID is taken, so both spellings of a deal are one duplicate.
            DealProposal normalised = new DealProposal(p.pieceCid(), p.pieceSize(), p.verifiedDeal(),
                    client.get().idAddress(), provider.idAddress(), p.label(), p.startEpoch(), p.endEpoch(),
                    p.storagePricePerEpoch(), p.providerCollateral(), p.clientCollateral());
            Cid cid = DagCborCids.of(normalised.signingBytes());
            if (state.dealsByProposal.contains(cid) || proposalCids.contains(cid)) {
                return Optional.of("cannot publish duplicate deal proposal");
            }
            if (p.verifiedDeal()) {
                return Optional.of("client " + p.client() + " has no datacap (the devnet has no verified registry)");
            }
            providerLockup = providerTotal;
            clientLockup.put(clientId, clientTotal);
            proposalCids.add(cid);
            valid.add(normalised);
            return Optional.empty();
        }
    }
}
