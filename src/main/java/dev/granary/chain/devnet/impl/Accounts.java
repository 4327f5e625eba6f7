package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.AddressProtocol;
import dev.granary.filecoin.TokenAmount;

import java.util.Optional;

/** Actors by address, accounts created on first receipt of funds (like the init actor), and transfers. */
final class Accounts {
    private final DevnetState state;

    Accounts(DevnetState state) {
        this.state = state;
    }

    /** The actor an address names: an ID address directly, a key address through the account it belongs to. */
    Optional<ActorState> resolve(Address address) {
        if (address.protocol() == AddressProtocol.ID) {
            return state.actors.get(address.id());
        }
        return state.actorIds.get(address.toString()).flatMap(state.actors::get);
    }

    ActorState get(long id) {
        return state.actors.get(id).orElseThrow(() -> new IllegalStateException("no actor f0" + id));
    }

    /**
     * The actor that receives a transfer to {@code address}: an existing one, or a new account when it is a key
     * address seen for the first time. An unknown ID address cannot receive anything.
     */
    ActorState resolveOrCreate(Address address) {
        Optional<ActorState> existing = resolve(address);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (address.protocol() == AddressProtocol.ID) {
            throw new ActorError(ExitCode.SYS_ERR_INVALID_RECEIVER, "actor " + address + " does not exist");
        }
        if (address.protocol() == AddressProtocol.ACTOR) {
            throw new ActorError(ExitCode.SYS_ERR_INVALID_RECEIVER,
                    "actor address " + address + " names no actor (the devnet creates accounts for key addresses only)");
        }
        ChainCounters counters = state.counters();
        long id = counters.nextActorId();
        state.setCounters(counters.withNextActorId(DevnetActors.nextAccountId(id)));
        ActorState account = new ActorState(id, address, ActorKind.ACCOUNT, TokenAmount.ZERO, 0);
        state.actors.put(id, account);
        state.actorIds.put(address.toString(), id);
        return account;
    }

    /** Moves {@code amount} between two existing actors; fails with SysErrInsufficientFunds when it is not there. */
    void transfer(long fromId, long toId, TokenAmount amount) {
        if (amount.isZero() || fromId == toId) {
            return;
        }
        ActorState from = get(fromId);
        if (from.balance().compareTo(amount) < 0) {
            throw new ActorError(ExitCode.SYS_ERR_INSUFFICIENT_FUNDS, "f0" + fromId + " has " + from.balance().toFilString()
                    + ", cannot send " + amount.toFilString());
        }
        state.actors.put(fromId, from.withBalance(from.balance().subtract(amount)));
        ActorState to = get(toId);
        state.actors.put(toId, to.withBalance(to.balance().add(amount)));
    }

    void burn(long fromId, TokenAmount amount) {
        transfer(fromId, DevnetActors.BURNT_ID, amount);
    }

    void bumpNonce(long id) {
        ActorState actor = get(id);
        state.actors.put(id, actor.withNonce(actor.nonce() + 1));
    }

    /** The key address behind an account, the address itself when it already is one. */
    Optional<Address> keyAddress(Address address) {
        if (address.protocol() != AddressProtocol.ID) {
            return Optional.of(address);
        }
        return resolve(address).flatMap(ActorState::key);
    }

    /** The ID address of {@code address}'s actor, if there is one. */
    Optional<Address> idAddress(Address address) {
        return resolve(address).map(ActorState::idAddress);
    }

    /** Sum of every actor's balance: constant (the total supply) whatever the devnet does. */
    TokenAmount totalBalance() {
        TokenAmount total = TokenAmount.ZERO;
        for (ActorState actor : state.actors.values()) {
            total = total.add(actor.balance());
        }
        return total;
    }
}
