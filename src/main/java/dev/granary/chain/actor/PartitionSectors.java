package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;

/**
 * The layout shared by termination, fault and recovery declarations: a tuple of 3, deadline and partition
 * (uint64) and the sectors of that partition (a bitfield).
 */
final class PartitionSectors {
    static final List<String> FIELDS = List.of("Deadline", "Partition", "Sectors");
    /** A declaration list has no bound of its own since FIP-0100 (actors v16); cbor-gen's slice limit remains. */
    static final int MAX_DECLARATIONS = ActorFields.MAX_LIST;

    interface Factory<T> {
        T make(long deadline, long partition, BitField sectors);
    }

    private PartitionSectors() {
    }

    static void write(CborWriter w, long deadline, long partition, BitField sectors) {
        w.writeArrayHeader(FIELDS.size()).writeUint64(deadline).writeUint64(partition);
        BitField.CODEC.write(w, sectors);
    }

    static <T> T read(CborReader r, String type, Factory<T> factory) {
        return r.readTuple(type, FIELDS, in -> factory.make(in.readUint64(), in.readUint64(), BitField.CODEC.read(in)));
    }

    static void requireSectors(BitField sectors) {
        Objects.requireNonNull(sectors, "sectors");
    }
}
