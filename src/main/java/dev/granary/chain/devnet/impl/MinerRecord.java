package dev.granary.chain.devnet.impl;

import dev.granary.chain.MinerInfo;
import dev.granary.filecoin.Address;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The devnet's one miner actor: who controls it and what it seals. Owner, worker and controls are ID addresses. */
record MinerRecord(long id, Address owner, Address worker, List<Address> controls, byte[] peerId, long sectorSize,
                   long windowPoStPartitionSectors) {
    MinerRecord {
        controls = List.copyOf(controls);
        peerId = peerId.clone();
    }

    Address address() {
        return Address.id(id);
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    MinerRecord withPeerId(byte[] id) {
        return new MinerRecord(this.id, owner, worker, controls, id, sectorSize, windowPoStPartitionSectors);
    }

    boolean isControlling(Address idAddress) {
        return owner.equals(idAddress) || worker.equals(idAddress) || controls.contains(idAddress);
    }

    MinerInfo toMinerInfo() {
        return new MinerInfo(owner, worker, controls, peerId.length == 0 ? Optional.empty() : Optional.of(peerId()),
                List.of(), sectorSize, windowPoStPartitionSectors);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MinerRecord that && id == that.id && owner.equals(that.owner)
                && worker.equals(that.worker) && controls.equals(that.controls) && Arrays.equals(peerId, that.peerId)
                && sectorSize == that.sectorSize && windowPoStPartitionSectors == that.windowPoStPartitionSectors;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(peerId);
    }
}
