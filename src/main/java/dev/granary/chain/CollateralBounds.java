package dev.granary.chain;

import dev.granary.filecoin.TokenAmount;

public record CollateralBounds(TokenAmount min, TokenAmount max) {
    public boolean contains(TokenAmount amount) {
        return amount.compareTo(min) >= 0 && amount.compareTo(max) <= 0;
    }
}
