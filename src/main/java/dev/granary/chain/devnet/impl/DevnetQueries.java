package dev.granary.chain.devnet.impl;

import dev.granary.chain.ChainException;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MinerInfo;
import dev.granary.chain.SectorLocation;
import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.devnet.DevnetMiner;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.AddressProtocol;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;

import java.util.List;
import java.util.Optional;

/** The port's state queries, answered from devnet state at its current head; run on the devnet context. */
public final class DevnetQueries {
    /** Window PoSt deadlines per proving period, as on mainnet. */
    static final long DEADLINES = 48;

    private final DevnetRuntime runtime;
    private final DevnetState state;

    DevnetQueries(DevnetRuntime runtime) {
        this.runtime = runtime;
        this.state = runtime.state;
    }

    /** A key address is its own key, whether or not it has an actor yet (as the port promises). */
    public Address accountKey(Address address) {
        if (address.protocol() != AddressProtocol.ID) {
            return address;
        }
        ActorState actor = runtime.accounts.resolve(address)
                .orElseThrow(() -> rejected("actor " + address + " not found"));
        return actor.key().orElseThrow(() -> rejected("actor " + address + " is not an account (it is the "
                + actor.kind().name().toLowerCase() + " actor), so it has no key address"));
    }

    public Optional<Address> lookupId(Address address) {
        return runtime.accounts.idAddress(address);
    }

    public TokenAmount walletBalance(Address address) {
        return runtime.accounts.resolve(address).map(ActorState::balance).orElse(TokenAmount.ZERO);
    }

    public MarketBalance marketBalance(Address address) {
        return runtime.accounts.resolve(address).map(actor -> runtime.escrow.of(actor.id())).orElse(MarketBalance.ZERO);
    }

    public MinerInfo minerInfo(Address miner) {
        requireMiner(miner);
        return state.miner().toMinerInfo();
    }

    public DevnetMiner devnetMiner() {
        MinerRecord miner = state.miner();
        return new DevnetMiner(miner.address(), miner.owner(), accountKey(miner.owner()), miner.worker(),
                accountKey(miner.worker()), miner.peerId(), miner.sectorSize(),
                runtime.accounts.get(miner.id()).balance(), MinerCron.lockedFunds(state));
    }

    public Optional<MessageLookup> searchMessage(Cid cid) {
        return state.messages.get(cid).filter(m -> !m.pending()).map(this::lookup);
    }

    MessageLookup lookup(MessageRecord executed) {
        return new MessageLookup(executed.cid(), executed.receipt(), state.tipSetKey(executed.executedEpoch()),
                executed.executedEpoch());
    }

    public Optional<MarketDeal> marketDeal(long dealId) {
        return state.deals.get(dealId).map(DealRecord::toMarketDeal);
    }

    public Optional<SectorPreCommitOnChainInfo> sectorPreCommitInfo(Address miner, long number) {
        requireMiner(miner);
        return state.sectors.get(number).filter(s -> s.status() == SectorRecord.Status.PRECOMMITTED)
                .map(SectorRecord::precommit);
    }

    public Optional<SectorOnChainInfo> sectorInfo(Address miner, long number) {
        requireMiner(miner);
        return activeSector(number).map(SectorRecord::toOnChainInfo);
    }

    /** The devnet's assignment: deadline = sector number mod 48, partition 0. */
    public Optional<SectorLocation> sectorLocation(Address miner, long number) {
        requireMiner(miner);
        return activeSector(number).map(s -> location(s.number()));
    }

    static SectorLocation location(long sectorNumber) {
        return new SectorLocation(Math.floorMod(sectorNumber, DEADLINES), 0);
    }

    Optional<SectorRecord> activeSector(long number) {
        return state.sectors.get(number).filter(s -> s.status() == SectorRecord.Status.ACTIVE);
    }

    /** The notes execution left beside a message's receipt: skipped deals and failure reasons. */
    Optional<List<String>> notes(Cid cid) {
        return state.messages.get(cid).filter(m -> !m.pending()).map(MessageRecord::notes);
    }

    private void requireMiner(Address miner) {
        boolean isOurs = runtime.accounts.resolve(miner).map(a -> a.kind() == ActorKind.MINER).orElse(false);
        if (!isOurs) {
            throw rejected("actor " + miner + " is not a miner on this devnet (its miner is "
                    + state.miner().address() + ")");
        }
    }

    static ChainException rejected(String message) {
        return new ChainException(ChainException.Kind.REJECTED, message);
    }
}
