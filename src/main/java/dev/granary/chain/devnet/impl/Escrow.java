package dev.granary.chain.devnet.impl;

import dev.granary.chain.MarketBalance;
import dev.granary.filecoin.TokenAmount;

/**
 * The market actor's balance table: escrow and locked funds per actor ID. Escrow is money the market actor holds
 * (its own balance is the sum of all escrow); locked is the part deals hold.
 */
final class Escrow {
    private final DevnetState state;

    Escrow(DevnetState state) {
        this.state = state;
    }

    MarketBalance of(long id) {
        return state.escrow.get(id).orElse(MarketBalance.ZERO);
    }

    TokenAmount available(long id) {
        return of(id).available();
    }

    void deposit(long id, TokenAmount amount) {
        MarketBalance balance = of(id);
        put(id, new MarketBalance(balance.escrow().add(amount), balance.locked()));
    }

    /** Takes unlocked funds out of escrow (a withdrawal). */
    void withdraw(long id, TokenAmount amount) {
        MarketBalance balance = of(id);
        if (balance.available().compareTo(amount) < 0) {
            throw new IllegalStateException("f0" + id + " has only " + balance.available().toFilString() + " available");
        }
        put(id, new MarketBalance(balance.escrow().subtract(amount), balance.locked()));
    }

    void lock(long id, TokenAmount amount) {
        MarketBalance balance = of(id);
        if (balance.available().compareTo(amount) < 0) {
            throw new IllegalStateException("f0" + id + " cannot lock " + amount.toFilString() + " of "
                    + balance.available().toFilString() + " available");
        }
        put(id, new MarketBalance(balance.escrow(), balance.locked().add(amount)));
    }

    void unlock(long id, TokenAmount amount) {
        MarketBalance balance = of(id);
        put(id, new MarketBalance(balance.escrow(), balance.locked().subtract(amount)));
    }

    /** Takes locked funds out of escrow altogether: a payment to someone else, or a slash. */
    void spendLocked(long id, TokenAmount amount) {
        MarketBalance balance = of(id);
        put(id, new MarketBalance(balance.escrow().subtract(amount), balance.locked().subtract(amount)));
    }

    private void put(long id, MarketBalance balance) {
        if (balance.locked().isNegative() || balance.available().isNegative()) {
            throw new IllegalStateException("escrow of f0" + id + " would become " + balance);
        }
        state.escrow.put(id, balance);
    }
}
