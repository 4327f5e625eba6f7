package dev.granary.chain;

import dev.granary.filecoin.Address;

import java.util.List;
import java.util.Optional;

/**
 * A storage provider's miner actor: who owns it, which key sends its messages, and its advertised libp2p peer.
 * {@code peerId} holds the raw peer ID bytes as stored on chain (empty when none is registered).
 */
public record MinerInfo(Address owner, Address worker, List<Address> controlAddresses, Optional<byte[]> peerId,
                        List<byte[]> multiaddrs, long sectorSize, long windowPoStPartitionSectors) {
    public MinerInfo {
        controlAddresses = List.copyOf(controlAddresses);
        multiaddrs = List.copyOf(multiaddrs);
    }
}
