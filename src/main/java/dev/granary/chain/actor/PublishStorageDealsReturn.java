package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What market PublishStorageDeals returns, a tuple of 2 (go-state-types builtin/v13+ market
 * {@code PublishStorageDealsReturn}; builtin-actors actors/market/src/types.rs): the new deal IDs, one per
 * valid proposal in params order, and the positions (in the params) of the proposals that were valid. Since
 * v8 actors an invalid proposal no longer fails the whole batch; it just has no ID.
 *
 * <p>The constructor insists on one ID per valid position, so {@link #dealIdAt} cannot misattribute an ID.
 *
 * @param ids deal IDs (Go uint64: values from 2^63 up come back negative)
 */
public record PublishStorageDealsReturn(List<Long> ids, BitField validDeals) {
    public static final List<String> FIELDS = List.of("IDs", "ValidDeals");
    public static final CborCodec<PublishStorageDealsReturn> CODEC = CborCodec.of(PublishStorageDealsReturn::write,
            PublishStorageDealsReturn::read);

    public PublishStorageDealsReturn {
        ids = ActorFields.list(ids, PublishStorageDealsParams.MAX_DEALS, "ids");
        Objects.requireNonNull(validDeals, "validDeals");
        if (validDeals.count() != ids.size()) {
            throw new IllegalArgumentException(ids.size() + " deal IDs for " + validDeals.count() + " valid deals "
                    + validDeals + "; there must be one per valid deal");
        }
    }

    /** The deal ID of the proposal at {@code proposalPosition} in the params; empty when that one was invalid. */
    public Optional<Long> dealIdAt(int proposalPosition) {
        if (proposalPosition < 0 || !validDeals.contains(proposalPosition)) {
            return Optional.empty();
        }
        long validBefore = validDeals.intersect(BitField.range(0, proposalPosition)).count();
        return Optional.of(ids.get((int) validBefore));
    }

    private static void write(CborWriter w, PublishStorageDealsReturn r) {
        w.writeArrayHeader(FIELDS.size());
        ActorFields.writeUint64s(w, r.ids);
        BitField.CODEC.write(w, r.validDeals);
    }

    private static PublishStorageDealsReturn read(CborReader r) {
        return r.readTuple("PublishStorageDealsReturn", FIELDS, in -> new PublishStorageDealsReturn(
                ActorFields.readUint64s(in, PublishStorageDealsParams.MAX_DEALS), BitField.CODEC.read(in)));
    }
}
