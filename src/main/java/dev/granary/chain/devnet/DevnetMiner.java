package dev.granary.chain.devnet;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.p2p.identity.PeerId;

import java.util.Arrays;
import java.util.Objects;

/**
 * The devnet's miner actor as an operator sees it ({@code granary devnet miner}): its address, the owner and worker
 * accounts (ID and key address; the keys are in the node's wallet), the registered peer ID, sector size, and the
 * actor's balance with the part its sectors hold.
 */
public record DevnetMiner(Address miner, Address owner, Address ownerKey, Address worker, Address workerKey,
                          byte[] peerId, long sectorSize, TokenAmount balance, TokenAmount locked) {
    public DevnetMiner {
        Objects.requireNonNull(miner, "miner");
        peerId = peerId.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    /** The peer ID in its usual text form ({@code 12D3KooW...}); empty when none is registered. */
    public String peerIdText() {
        return peerId.length == 0 ? "" : PeerId.fromBytes(peerId).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DevnetMiner that && miner.equals(that.miner) && owner.equals(that.owner)
                && ownerKey.equals(that.ownerKey) && worker.equals(that.worker) && workerKey.equals(that.workerKey)
                && Arrays.equals(peerId, that.peerId) && sectorSize == that.sectorSize && balance.equals(that.balance)
                && locked.equals(that.locked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(miner, owner, worker, sectorSize) * 31 + Arrays.hashCode(peerId);
    }
}
