package dev.granary.p2p.multiaddr;

import java.util.Arrays;

/** One {@code /<protocol>/<value>} pair; the value is kept in binary form, already validated. */
public final class Component {
    private final Protocol protocol;
    private final byte[] value;

    Component(Protocol protocol, byte[] value) {
        this.protocol = protocol;
        this.value = value;
    }

    public Protocol protocol() {
        return protocol;
    }

    public byte[] value() {
        return value.clone();
    }

    byte[] valueUnsafe() {
        return value;
    }

    public String valueText() {
        return ProtocolValues.toText(protocol, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Component that && protocol == that.protocol && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return protocol.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "/" + protocol.text + "/" + valueText();
    }
}
