package dev.granary.chain.devnet.impl;

import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.chain.devnet.SealProofs;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;

import java.util.List;

/**
 * The devnet's first state: the reserve holding the whole supply, the market and burnt-funds actors, the miner
 * f01000 and accounts for its owner and worker keys (f0100, f0101), each given {@link DevnetEconomics#GENESIS_KEY_FUNDS}.
 */
final class Genesis {
    private Genesis() {
    }

    static DevnetState create(DevnetConfig config, Address ownerKey, Address workerKey, byte[] peerId, long timestamp) {
        DevnetState state = new DevnetState(new StoredChain.Genesis(config.seed(), config.sectorSize(), timestamp));
        state.setCounters(ChainCounters.genesis(timestamp));
        state.actors.put(DevnetActors.RESERVE_ID, new ActorState(DevnetActors.RESERVE_ID, null, ActorKind.RESERVE,
                DevnetEconomics.TOTAL_SUPPLY, 0));
        state.actors.put(DevnetActors.BURNT_ID, builtin(DevnetActors.BURNT_ID, ActorKind.BURNT));
        state.actors.put(DevnetActors.MARKET_ID, builtin(DevnetActors.MARKET_ID, ActorKind.MARKET));
        state.actors.put(DevnetActors.MINER_ID, builtin(DevnetActors.MINER_ID, ActorKind.MINER));
        Accounts accounts = new Accounts(state);
        ActorState owner = accounts.resolveOrCreate(ownerKey);
        ActorState worker = accounts.resolveOrCreate(workerKey);
        accounts.transfer(DevnetActors.RESERVE_ID, owner.id(), DevnetEconomics.GENESIS_KEY_FUNDS);
        accounts.transfer(DevnetActors.RESERVE_ID, worker.id(), DevnetEconomics.GENESIS_KEY_FUNDS);
        state.setMiner(new MinerRecord(DevnetActors.MINER_ID, owner.idAddress(), worker.idAddress(), List.of(), peerId,
                config.sectorSize(), SealProofs.windowPoStPartitionSectors(config.sectorSize())));
        return state;
    }

    private static ActorState builtin(long id, ActorKind kind) {
        return new ActorState(id, null, kind, TokenAmount.ZERO, 0);
    }
}
