package dev.granary.chain.devnet.impl;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;

import java.util.Objects;
import java.util.Optional;

/** An actor's balance and nonce; {@code keyAddress} is set for accounts only (null for built-in actors). */
record ActorState(long id, Address keyAddress, ActorKind kind, TokenAmount balance, long nonce) {
    ActorState {
        Objects.requireNonNull(kind, "kind");
        balance.requireNonNegative("balance of f0" + id);
        if ((kind == ActorKind.ACCOUNT) != (keyAddress != null)) {
            throw new IllegalArgumentException("accounts, and only accounts, have a key address (f0" + id + ")");
        }
    }

    Address idAddress() {
        return Address.id(id);
    }

    Optional<Address> key() {
        return Optional.ofNullable(keyAddress);
    }

    ActorState withBalance(TokenAmount amount) {
        return new ActorState(id, keyAddress, kind, amount, nonce);
    }

    ActorState withNonce(long next) {
        return new ActorState(id, keyAddress, kind, balance, next);
    }
}
