package dev.granary.p2p.identity;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A decoded libp2p {@code PublicKey}: its type, its type-specific {@code Data}, and the canonical protobuf bytes
 * peer IDs are derived from. Arrays are copied in and out so instances stay immutable.
 */
public final class PublicKey {
    private final KeyType type;
    private final byte[] data;

    PublicKey(KeyType type, byte[] data) {
        this.type = type;
        this.data = data.clone();
    }

    public KeyType type() {
        return type;
    }

    public byte[] data() {
        return data.clone();
    }

    /** The deterministic protobuf encoding (type, then data). */
    public byte[] bytes() {
        return KeyProto.encode(type, data);
    }

    public PeerId peerId() {
        return PeerId.fromPublicKey(bytes());
    }

    /** True when {@code signature} is this key's valid signature of {@code message}; false for a wrong or garbled one. */
    public boolean verify(byte[] message, byte[] signature) {
        return SignatureVerifier.verify(type, data, message, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey that && type == that.type && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PublicKey[" + type + ", " + HexFormat.of().formatHex(data) + "]";
    }
}
