package dev.granary.chain.actor;

import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of a sector being activated: a tuple of 4 (go-state-types builtin/v13+ miner
 * {@code PieceActivationManifest}; builtin-actors actors/miner/src/types.rs). {@code size} is the padded
 * piece size (uint64); the allocation key is null for unverified data; {@code notifications} (the wire's
 * Notify, renamed since a record component {@code notify} would clash with {@link Object#notify()}) lists the
 * actors told about the activation: for a built-in market deal, {@link MarketDealNotification#forDeal}.
 */
public record PieceActivationManifest(Cid cid, long size, Optional<VerifiedAllocationKey> verifiedAllocationKey,
                                      List<DataActivationNotification> notifications) {
    public static final int MAX_NOTIFICATIONS = ActorFields.MAX_LIST;
    public static final List<String> FIELDS = List.of("CID", "Size", "VerifiedAllocationKey", "Notify");
    public static final CborCodec<PieceActivationManifest> CODEC = CborCodec.of(PieceActivationManifest::write,
            PieceActivationManifest::read);

    public PieceActivationManifest {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(verifiedAllocationKey, "verifiedAllocationKey");
        notifications = ActorFields.list(notifications, MAX_NOTIFICATIONS, "notifications");
    }

    /** A built-in market deal's piece: unverified unless {@code allocation} is given, notifying f05 of the deal. */
    public static PieceActivationManifest forDeal(Cid pieceCid, long paddedSize, long dealId,
                                                  Optional<VerifiedAllocationKey> allocation) {
        return new PieceActivationManifest(pieceCid, paddedSize, allocation, List.of(MarketDealNotification.forDeal(dealId)));
    }

    private static void write(CborWriter w, PieceActivationManifest p) {
        w.writeArrayHeader(FIELDS.size()).writeCid(p.cid).writeUint64(p.size)
                .writeNullable(p.verifiedAllocationKey.orElse(null), VerifiedAllocationKey.CODEC::write)
                .writeArray(p.notifications, DataActivationNotification::write);
    }

    private static PieceActivationManifest read(CborReader r) {
        return r.readTuple("PieceActivationManifest", FIELDS, in -> new PieceActivationManifest(in.readCid(),
                in.readUint64(), Optional.ofNullable(in.readNullable(VerifiedAllocationKey.CODEC::read)),
                in.readArray(MAX_NOTIFICATIONS, DataActivationNotification::read)));
    }
}
