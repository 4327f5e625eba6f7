package dev.granary.chain.actor;

import dev.granary.filecoin.FilecoinCbor;
import dev.granary.filecoin.Address;
import dev.granary.ipld.cbor.CborCodec;

import java.util.Objects;

/**
 * Market AddBalance (method 2) params: the address whose escrow the message value goes to, as a bare CBOR
 * address (a byte string), not a tuple: go-state-types declares the method {@code func(*address.Address)},
 * builtin-actors {@code add_balance(rt, provider_or_client: Address)}.
 */
public record AddBalanceParams(Address address) {
    public static final CborCodec<AddBalanceParams> CODEC = CborCodec.of(
            (w, p) -> FilecoinCbor.writeAddress(w, p.address),
            r -> new AddBalanceParams(FilecoinCbor.readAddress(r)));

    public AddBalanceParams {
        Objects.requireNonNull(address, "address");
    }
}
