package dev.granary.filecoin.market;

import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Objects;
import java.util.UUID;

/**
 * A storage deal request as protocol {@value #PROTOCOL} writes it (Boost types.DealParamsV120): {@link DealParams}
 * without the two 1.2.1 flags, a CBOR map of 5 keys. Its decoder skips the 1.2.1 keys as unknown, as
 * cbor-gen's does; a provider reads both versions with {@link DealParams#CODEC}.
 */
public record DealParamsV120(UUID dealUuid, boolean isOffline, ClientDealProposal clientDealProposal, Cid dealDataRoot,
                             Transfer transfer) {
    public static final String PROTOCOL = "/fil/storage/mk/1.2.0";

    public static final CborCodec<DealParamsV120> CODEC = CborCodec.of(DealParamsV120::write, DealParamsV120::read);

    public DealParamsV120 {
        Objects.requireNonNull(dealUuid, "dealUuid");
        Objects.requireNonNull(clientDealProposal, "clientDealProposal");
        Objects.requireNonNull(dealDataRoot, "dealDataRoot");
        Objects.requireNonNull(transfer, "transfer");
    }

    /** What a 1.2.1 provider makes of this request: both flags false. */
    public DealParams toV121() {
        return new DealParams(dealUuid, isOffline, clientDealProposal, dealDataRoot, transfer, false, false);
    }

    private static void write(CborWriter w, DealParamsV120 p) {
        w.writeMapStruct(m -> DealParams.writeV120Fields(m, p.dealUuid, p.isOffline, p.clientDealProposal, p.dealDataRoot, p.transfer));
    }

    private static DealParamsV120 read(CborReader r) {
        return DealParams.read(r, DealParams.V120_KEYS, "DealParamsV120").toV120();
    }
}
