package dev.granary.chain.lotus.impl;

import dev.granary.chain.CollateralBounds;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;

/**
 * The market actor's answers: escrow balances ({@code api.MarketBalance}), collateral bounds
 * ({@code api.DealCollateralBounds}) and deals ({@code api.MarketDeal}: a {@code market.DealProposal} with the field
 * names of {@link DealProposal#FIELDS}, and {@code api.MarketDealState}).
 */
public final class MarketJson {
    private MarketJson() {
    }

    public static MarketBalance balance(JsonValue balance) {
        TokenAmount escrow = balance.field("Escrow").tokenAmount();
        TokenAmount locked = balance.field("Locked").tokenAmount();
        return new MarketBalance(escrow, locked);
    }

    public static CollateralBounds collateralBounds(JsonValue bounds) {
        TokenAmount min = bounds.field("Min").tokenAmount();
        TokenAmount max = bounds.field("Max").tokenAmount();
        return new CollateralBounds(min, max);
    }

    public static MarketDeal deal(JsonValue deal) {
        DealProposal proposal = proposal(deal.field("Proposal"));
        JsonValue state = deal.field("State");
        long sectorStart = state.field("SectorStartEpoch").int64();
        long lastUpdated = state.field("LastUpdatedEpoch").int64();
        long slash = state.field("SlashEpoch").int64();
        // SectorNumber exists from network version 22 on and reads 0 until activation
        long sector = sectorStart < 0 || !state.has("SectorNumber") ? -1 : state.field("SectorNumber").int64();
        return new MarketDeal(proposal, new MarketDeal.DealState(sectorStart, lastUpdated, slash, sector));
    }

    public static DealProposal proposal(JsonValue p) {
        JsonValue pieceField = p.field("PieceCID");
        Cid pieceCid = pieceField.cid();
        String problem = DealProposal.pieceCidProblem(pieceCid);
        if (problem != null) {
            throw pieceField.fail(problem);
        }
        long pieceSize = p.field("PieceSize").uint64();
        boolean verified = p.field("VerifiedDeal").bool();
        Address client = p.field("Client").address();
        Address provider = p.field("Provider").address();
        DealLabel label = label(p.field("Label"));
        long start = p.field("StartEpoch").int64();
        long end = p.field("EndEpoch").int64();
        TokenAmount price = p.field("StoragePricePerEpoch").tokenAmount();
        TokenAmount providerCollateral = p.field("ProviderCollateral").tokenAmount();
        TokenAmount clientCollateral = p.field("ClientCollateral").tokenAmount();
        return p.build(() -> new DealProposal(pieceCid, pieceSize, verified, client, provider, label, start, end, price,
                providerCollateral, clientCollateral));
    }

    /**
     * go-state-types' DealLabel JSON is a string: a text label as itself and a bytes label as {@code ""} (its
     * MarshalJSON drops the bytes). So JSON can only give text labels; a bytes label reads as the empty text label,
     * which does not match the on-chain proposal's CBOR.
     */
    static DealLabel label(JsonValue label) {
        String text = label.text(DealLabel.MAX_BYTES * 4);
        return label.build(() -> DealLabel.text(text));
    }
}
