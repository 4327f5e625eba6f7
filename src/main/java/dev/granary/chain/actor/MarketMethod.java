package dev.granary.chain.actor;

/**
 * Storage market actor (f05) method numbers (go-state-types builtin/methods.go {@code MethodsMarket},
 * builtin-actors actors/market/src/lib.rs {@code Method}). The FRC-0042 exported aliases are not used here.
 */
public final class MarketMethod {
    public static final long CONSTRUCTOR = 1;
    public static final long ADD_BALANCE = 2;
    public static final long WITHDRAW_BALANCE = 3;
    public static final long PUBLISH_STORAGE_DEALS = 4;

    private MarketMethod() {
    }
}
