package dev.granary.chain;

import dev.granary.filecoin.Address;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage provider's miner actor: who owns it, which key sends its messages, and its advertised libp2p peer.
 * {@code peerId} holds the raw peer ID bytes as stored on chain (empty when none is registered).
 */
public record MinerInfo(Address owner, Address worker, List<Address> controlAddresses, Optional<byte[]> peerId,
                        List<byte[]> multiaddrs, long sectorSize, long windowPoStPartitionSectors) {
    public MinerInfo {
        controlAddresses = List.copyOf(controlAddresses);
        peerId = peerId.map(byte[]::clone);
        multiaddrs = multiaddrs.stream().map(byte[]::clone).toList();
    }

    /** Byte contents, not array identities, decide equality. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MinerInfo that && owner.equals(that.owner) && worker.equals(that.worker)
                && controlAddresses.equals(that.controlAddresses) && sectorSize == that.sectorSize
                && windowPoStPartitionSectors == that.windowPoStPartitionSectors
                && peerId.isPresent() == that.peerId.isPresent()
                && (peerId.isEmpty() || Arrays.equals(peerId.get(), that.peerId.get()))
                && multiaddrs.size() == that.multiaddrs.size()
                && java.util.stream.IntStream.range(0, multiaddrs.size())
                        .allMatch(i -> Arrays.equals(multiaddrs.get(i), that.multiaddrs.get(i)));
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(owner, worker, controlAddresses, sectorSize, windowPoStPartitionSectors);
        hash = 31 * hash + peerId.map(Arrays::hashCode).orElse(0);
        for (byte[] multiaddr : multiaddrs) {
            hash = 31 * hash + Arrays.hashCode(multiaddr);
        }
        return hash;
    }
}
