package dev.granary.chain.actor;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;
import java.util.Objects;

/**
 * Market WithdrawBalance (method 3) params, a tuple of 2 (go-state-types builtin/v13+ market
 * {@code WithdrawBalanceParams}; builtin-actors actors/market/src/types.rs). The actor pays out at most the
 * available (unlocked) escrow and returns what it paid ({@link WithdrawBalanceReturn}).
 */
public record WithdrawBalanceParams(Address providerOrClient, TokenAmount amount) {
    public static final List<String> FIELDS = List.of("ProviderOrClientAddress", "Amount");
    public static final CborCodec<WithdrawBalanceParams> CODEC = CborCodec.of(WithdrawBalanceParams::write,
            WithdrawBalanceParams::read);

    public WithdrawBalanceParams {
        Objects.requireNonNull(providerOrClient, "providerOrClient");
        Objects.requireNonNull(amount, "amount");
    }

    private static void write(CborWriter w, WithdrawBalanceParams p) {
        w.writeArrayHeader(FIELDS.size());
        FilecoinCbor.writeAddress(w, p.providerOrClient);
        FilecoinCbor.writeTokenAmount(w, p.amount);
    }

    private static WithdrawBalanceParams read(CborReader r) {
        return r.readTuple("WithdrawBalanceParams", FIELDS,
                in -> new WithdrawBalanceParams(FilecoinCbor.readAddress(in), FilecoinCbor.readTokenAmount(in)));
    }
}
