package dev.granary.chain.actor;

import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;

/**
 * The notification that activates a built-in market deal when its sector is proven with ProveCommitSectors3:
 * sent to the market actor (f05), the payload is the deal ID as a bare CBOR unsigned integer. Lotus builds it
 * with {@code cborutil.Dump(dealID)} (storage/pipeline, curio's commit code alike); the market actor reads it
 * in {@code sector_content_changed} as a {@code DealID}.
 */
public final class MarketDealNotification {
    /** A deal ID as CBOR (a Go uint64: IDs from 2^63 up are negative longs). */
    public static final CborCodec<Long> DEAL_ID = CborCodec.of((w, id) -> w.writeUint64(id), r -> r.readUint64());

    private MarketDealNotification() {
    }

    public static byte[] payload(long dealId) {
        return Cbor.encode(DEAL_ID, dealId);
    }

    /** The deal ID in a market notification's payload; a CborDecodeException if it holds anything else. */
    public static long dealId(byte[] payload) {
        return Cbor.decode(DEAL_ID, payload);
    }

    public static DataActivationNotification forDeal(long dealId) {
        return new DataActivationNotification(Actors.MARKET, payload(dealId));
    }

    /** True for a notification to the market actor, the only kind this helper reads. */
    public static boolean isMarket(DataActivationNotification notification) {
        return notification.address().equals(Actors.MARKET);
    }
}
