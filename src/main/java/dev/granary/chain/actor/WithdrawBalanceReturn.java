package dev.granary.chain.actor;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.cbor.CborCodec;

import java.util.Objects;

/**
 * What market WithdrawBalance returns: the amount actually withdrawn, as a bare big integer (go-state-types
 * declares the method {@code func(*WithdrawBalanceParams) *abi.TokenAmount}; builtin-actors'
 * {@code WithdrawBalanceReturn} is {@code serde(transparent)}).
 */
public record WithdrawBalanceReturn(TokenAmount amountWithdrawn) {
    public static final CborCodec<WithdrawBalanceReturn> CODEC = CborCodec.of(
            (w, r) -> FilecoinCbor.writeTokenAmount(w, r.amountWithdrawn),
            r -> new WithdrawBalanceReturn(FilecoinCbor.readTokenAmount(r)));

    public WithdrawBalanceReturn {
        Objects.requireNonNull(amountWithdrawn, "amountWithdrawn");
    }
}
