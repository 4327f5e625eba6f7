package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Miner ProveCommitSectors3 (method 34) params, a tuple of 6 (go-state-types builtin/v13+ miner
 * {@code ProveCommitSectors3Params}; builtin-actors actors/miner/src/types.rs): one activation manifest per
 * sector, and either one proof per sector or one aggregate proof with its type.
 *
 * <p>The aggregate proof is a plain byte string on the wire ({@code RawBytes} in Rust, {@code []byte} in Go),
 * so "none" is the empty string: an empty aggregate is {@link Optional#empty()} here, in both directions. The
 * aggregate proof type is a nullable int64 ({@code Option<RegisteredAggregateProof>}); the actor wants it null
 * exactly when there is no aggregate, which is its rule to enforce, not the codec's.
 */
public record ProveCommitSectors3Params(List<SectorActivationManifest> sectorActivations, List<byte[]> sectorProofs,
                                        Optional<byte[]> aggregateProof, Optional<Long> aggregateProofType,
                                        boolean requireActivationSuccess, boolean requireNotificationSuccess) {
    public static final int MAX_SECTORS = ActorFields.MAX_LIST;
    public static final List<String> FIELDS = List.of("SectorActivations", "SectorProofs", "AggregateProof",
            "AggregateProofType", "RequireActivationSuccess", "RequireNotificationSuccess");
    public static final CborCodec<ProveCommitSectors3Params> CODEC = CborCodec.of(ProveCommitSectors3Params::write,
            ProveCommitSectors3Params::read);

    public ProveCommitSectors3Params {
        sectorActivations = ActorFields.list(sectorActivations, MAX_SECTORS, "sectorActivations");
        sectorProofs = ActorFields.list(sectorProofs, MAX_SECTORS, "sectorProofs").stream()
                .map(proof -> ActorFields.bytes(proof, "sector proof")).toList();
        aggregateProof = aggregateProof.filter(proof -> proof.length > 0).map(proof -> ActorFields.bytes(proof, "aggregateProof"));
        Objects.requireNonNull(aggregateProofType, "aggregateProofType");
    }

    /** One proof per sector, in the order of the activations. */
    public static ProveCommitSectors3Params withSectorProofs(List<SectorActivationManifest> activations,
                                                             List<byte[]> proofs, boolean requireActivationSuccess) {
        return new ProveCommitSectors3Params(activations, proofs, Optional.empty(), Optional.empty(),
                requireActivationSuccess, true);
    }

    /** One aggregate (SnarkPack) proof over all sectors, of registered aggregation proof type {@code proofType}. */
    public static ProveCommitSectors3Params withAggregateProof(List<SectorActivationManifest> activations,
                                                               byte[] aggregateProof, long proofType,
                                                               boolean requireActivationSuccess) {
        return new ProveCommitSectors3Params(activations, List.of(), Optional.of(aggregateProof), Optional.of(proofType),
                requireActivationSuccess, true);
    }

    @Override
    public List<byte[]> sectorProofs() {
        return sectorProofs.stream().map(byte[]::clone).toList();
    }

    @Override
    public Optional<byte[]> aggregateProof() {
        return aggregateProof.map(byte[]::clone);
    }

    private static void write(CborWriter w, ProveCommitSectors3Params p) {
        w.writeArrayHeader(FIELDS.size())
                .writeArray(p.sectorActivations, SectorActivationManifest.CODEC::write)
                .writeArray(p.sectorProofs, CborWriter::writeBytes)
                .writeBytes(p.aggregateProof.orElse(new byte[0]))
                .writeNullable(p.aggregateProofType.orElse(null), CborWriter::writeInt64)
                .writeBool(p.requireActivationSuccess)
                .writeBool(p.requireNotificationSuccess);
    }

    private static ProveCommitSectors3Params read(CborReader r) {
        return r.readTuple("ProveCommitSectors3Params", FIELDS, in -> new ProveCommitSectors3Params(
                in.readArray(MAX_SECTORS, SectorActivationManifest.CODEC::read),
                in.readArray(MAX_SECTORS, CborReader::readBytes),
                Optional.of(in.readBytes()),
                Optional.ofNullable(in.readNullable(CborReader::readInt64)),
                in.readBool(),
                in.readBool()));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ProveCommitSectors3Params that)) {
            return false;
        }
        return sectorActivations.equals(that.sectorActivations)
                && sectorProofs.size() == that.sectorProofs.size()
                && IntStream.range(0, sectorProofs.size())
                        .allMatch(i -> Arrays.equals(sectorProofs.get(i), that.sectorProofs.get(i)))
                && Arrays.equals(aggregateProof.orElse(null), that.aggregateProof.orElse(null))
                && aggregateProofType.equals(that.aggregateProofType)
                && requireActivationSuccess == that.requireActivationSuccess
                && requireNotificationSuccess == that.requireNotificationSuccess;
    }

    @Override
    public int hashCode() {
        int hash = sectorActivations.hashCode();
        for (byte[] proof : sectorProofs) {
            hash = 31 * hash + Arrays.hashCode(proof);
        }
        hash = 31 * hash + Arrays.hashCode(aggregateProof.orElse(null));
        return Objects.hash(hash, aggregateProofType, requireActivationSuccess, requireNotificationSuccess);
    }

    @Override
    public String toString() {
        return "ProveCommitSectors3Params[sectorActivations=" + sectorActivations + ", sectorProofs="
                + sectorProofs.size() + " of " + sectorProofs.stream().mapToInt(p -> p.length).sum() + " bytes"
                + ", aggregateProof=" + aggregateProof.map(p -> p.length + " bytes " + HexFormat.of().formatHex(
                        p, 0, Math.min(p.length, 8)) + "...").orElse("none")
                + ", aggregateProofType=" + aggregateProofType.map(String::valueOf).orElse("null")
                + ", requireActivationSuccess=" + requireActivationSuccess
                + ", requireNotificationSuccess=" + requireNotificationSuccess + "]";
    }
}
