package dev.granary.chain;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;

import java.util.Objects;

/**
 * A message to push: an actor method call. {@code params} are the method's CBOR parameters (empty for none);
 * {@code maxFee} caps what the sender pays for gas (lotus' {@code MessageSendSpec.MaxFee}; zero = node default).
 */
public record MessageRequest(Address from, Address to, TokenAmount value, long method, byte[] params,
                             TokenAmount maxFee) {
    public MessageRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        value.requireNonNegative("value");
        maxFee.requireNonNegative("maxFee");
        if (method < 0) {
            throw new IllegalArgumentException("method number must not be negative, got " + method);
        }
        params = params.clone();
    }

    @Override
    public byte[] params() {
        return params.clone();
    }
}
