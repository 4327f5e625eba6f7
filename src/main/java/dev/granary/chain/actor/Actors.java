package dev.granary.chain.actor;

import dev.granary.filecoin.Address;

/**
 * The singleton built-in actors' ID addresses (go-state-types builtin/singletons.go, builtin-actors
 * runtime/src/builtin/singletons.rs).
 */
public final class Actors {
    public static final Address SYSTEM = Address.id(0);
    public static final Address INIT = Address.id(1);
    public static final Address REWARD = Address.id(2);
    public static final Address CRON = Address.id(3);
    public static final Address POWER = Address.id(4);
    public static final Address MARKET = Address.id(5);
    public static final Address VERIFIED_REGISTRY = Address.id(6);
    public static final Address DATACAP = Address.id(7);
    public static final Address ETHEREUM_ADDRESS_MANAGER = Address.id(10);
    public static final Address BURNT_FUNDS = Address.id(99);
    /** IDs below this are reserved for singletons; the init actor assigns from here on. */
    public static final long FIRST_NON_SINGLETON_ID = 100;

    private Actors() {
    }
}
