package dev.granary.chain;

import dev.granary.filecoin.TokenAmount;

/** An address's funds in the market actor: everything deposited, and the part deals hold. */
public record MarketBalance(TokenAmount escrow, TokenAmount locked) {
    public static final MarketBalance ZERO = new MarketBalance(TokenAmount.ZERO, TokenAmount.ZERO);

    public TokenAmount available() {
        return escrow.subtract(locked);
    }
}
