package dev.granary.chain.devnet;

import dev.granary.chain.MarketBalance;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;

/** An account's money after a faucet payment: its ID address, wallet balance and market escrow. */
public record AccountFunds(Address idAddress, TokenAmount balance, MarketBalance escrow) {
}
