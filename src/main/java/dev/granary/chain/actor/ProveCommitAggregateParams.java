package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Miner ProveCommitAggregate (method 26) params: a tuple of 2, the sectors and one aggregate proof over them
 * (go-state-types builtin/v13+ miner {@code ProveCommitAggregateParams}; builtin-actors v16 and earlier). The
 * method is gone from actors v17 (see {@link MinerMethod#PROVE_COMMIT_AGGREGATE}); ProveCommitSectors3 with an
 * aggregate proof replaces it. Actors took 4 to {@value #MAX_AGGREGATED_SECTORS} sectors and proofs up to
 * {@value #MAX_AGGREGATE_PROOF_BYTES} bytes; those are checks of the actor, not of the encoding.
 */
public record ProveCommitAggregateParams(BitField sectorNumbers, byte[] aggregateProof) {
    public static final int MIN_AGGREGATED_SECTORS = 4;
    public static final int MAX_AGGREGATED_SECTORS = 819;
    public static final int MAX_AGGREGATE_PROOF_BYTES = 81_960;
    public static final List<String> FIELDS = List.of("SectorNumbers", "AggregateProof");
    public static final CborCodec<ProveCommitAggregateParams> CODEC = CborCodec.of(ProveCommitAggregateParams::write,
            ProveCommitAggregateParams::read);

    public ProveCommitAggregateParams {
        Objects.requireNonNull(sectorNumbers, "sectorNumbers");
        aggregateProof = ActorFields.bytes(aggregateProof, "aggregateProof");
    }

    @Override
    public byte[] aggregateProof() {
        return aggregateProof.clone();
    }

    private static void write(CborWriter w, ProveCommitAggregateParams p) {
        w.writeArrayHeader(FIELDS.size());
        BitField.CODEC.write(w, p.sectorNumbers);
        w.writeBytes(p.aggregateProof);
    }

    private static ProveCommitAggregateParams read(CborReader r) {
        return r.readTuple("ProveCommitAggregateParams", FIELDS,
                in -> new ProveCommitAggregateParams(BitField.CODEC.read(in), in.readBytes()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProveCommitAggregateParams that && sectorNumbers.equals(that.sectorNumbers)
                && Arrays.equals(aggregateProof, that.aggregateProof);
    }

    @Override
    public int hashCode() {
        return 31 * sectorNumbers.hashCode() + Arrays.hashCode(aggregateProof);
    }

    @Override
    public String toString() {
        return "ProveCommitAggregateParams[sectorNumbers=" + sectorNumbers + ", aggregateProof=" + aggregateProof.length + " bytes]";
    }
}
