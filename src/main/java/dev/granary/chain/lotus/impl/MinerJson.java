package dev.granary.chain.lotus.impl;

import dev.granary.chain.MinerInfo;
import dev.granary.chain.SectorLocation;
import dev.granary.filecoin.Address;
import dev.granary.p2p.identity.PeerId;

import java.util.List;
import java.util.Optional;

/**
 * The miner actor's info ({@code api.MinerInfo}), sector locations ({@code miner.SectorLocation}) and the faulty
 * sectors bitfield ({@code StateMinerFaults}, go-bitfield's JSON of run lengths).
 */
public final class MinerJson {
    /** builtin-actors MAX_CONTROL_ADDRESSES is 10; a little room for other implementations. */
    static final int MAX_CONTROL_ADDRESSES = 64;
    /** builtin-actors caps the total multiaddr data at 1024 bytes, so no more than that many addresses. */
    static final int MAX_MULTIADDRS = 1024;
    static final int MAX_MULTIADDR_BYTES = 1024;
    static final int MAX_PEER_ID_CHARS = 128;
    /** Runs of a faults bitfield; real miners have a few thousand at most. */
    static final int MAX_BITFIELD_RUNS = 1 << 20;

    private MinerJson() {
    }

    /**
     * Lotus writes PeerId as the peer ID's text (base58btc, or null when the bytes on chain are no peer ID) and each
     * multiaddr as base64 of its binary form; the record holds the bytes of both, as the actor stores them.
     */
    public static MinerInfo info(JsonValue info) {
        Address owner = info.field("Owner").address();
        Address worker = info.field("Worker").address();
        List<Address> control = info.field("ControlAddresses").list(MAX_CONTROL_ADDRESSES, JsonValue::address);
        Optional<byte[]> peerId = info.field("PeerId").optional(MinerJson::peerIdBytes);
        List<byte[]> multiaddrs = info.field("Multiaddrs").list(MAX_MULTIADDRS, m -> m.bytes(MAX_MULTIADDR_BYTES));
        long sectorSize = info.field("SectorSize").nonNegative();
        long partitionSectors = info.field("WindowPoStPartitionSectors").nonNegative();
        return new MinerInfo(owner, worker, control, peerId, multiaddrs, sectorSize, partitionSectors);
    }

    public static SectorLocation location(JsonValue location) {
        long deadline = location.field("Deadline").nonNegative();
        long partition = location.field("Partition").nonNegative();
        return new SectorLocation(deadline, partition);
    }

    /**
     * Whether {@code sector} is set in a bitfield written as run lengths that alternate between unset and set bits,
     * starting with unset ({@code [0, 3, 5, 2]} is {0, 1, 2, 8, 9}); only the first run may be empty.
     */
    public static boolean bitfieldContains(JsonValue runs, long sector) {
        List<Long> lengths = runs.list(MAX_BITFIELD_RUNS, JsonValue::nonNegative);
        long position = 0;
        boolean set = false;
        for (int i = 0; i < lengths.size(); i++) {
            long length = lengths.get(i);
            if (length == 0 && i != 0) {
                throw runs.index(i).fail("a zero-length run may only come first");
            }
            if (sector - position < length) {
                return set;
            }
            try {
                position = Math.addExact(position, length);
            } catch (ArithmeticException e) {
                throw runs.index(i).fail("runs add up past 2^63");
            }
            set = !set;
        }
        return false;
    }

    private static byte[] peerIdBytes(JsonValue peerId) {
        String text = peerId.text(MAX_PEER_ID_CHARS);
        return peerId.build(() -> PeerId.parse(text).bytes());
    }
}
