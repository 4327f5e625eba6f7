package dev.granary.chain.actor;

import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;

/**
 * Market PublishStorageDeals (method 4) params: a tuple of 1, the signed proposals (go-state-types
 * builtin/v13+ market {@code PublishStorageDealsParams}; builtin-actors actors/market/src/types.rs). The
 * actor sets no batch bound of its own; cbor-gen's slice limit ({@value #MAX_DEALS}) is the one lotus
 * enforces when it decodes or encodes the message, so it is ours.
 */
public record PublishStorageDealsParams(List<ClientDealProposal> deals) {
    public static final int MAX_DEALS = ActorFields.MAX_LIST;
    public static final List<String> FIELDS = List.of("Deals");
    public static final CborCodec<PublishStorageDealsParams> CODEC = CborCodec.of(PublishStorageDealsParams::write,
            PublishStorageDealsParams::read);

    public PublishStorageDealsParams {
        deals = ActorFields.list(deals, MAX_DEALS, "deals");
    }

    private static void write(CborWriter w, PublishStorageDealsParams p) {
        w.writeArrayHeader(FIELDS.size()).writeArray(p.deals, ClientDealProposal.CODEC::write);
    }

    private static PublishStorageDealsParams read(CborReader r) {
        return r.readTuple("PublishStorageDealsParams", FIELDS,
                in -> new PublishStorageDealsParams(in.readArray(MAX_DEALS, ClientDealProposal.CODEC::read)));
    }
}
