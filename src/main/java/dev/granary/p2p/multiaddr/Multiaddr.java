package dev.granary.p2p.multiaddr;

import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Varint;
import dev.granary.p2p.identity.PeerId;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr such as {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…}. Binary form: per component
 * {@code uvarint(code) ‖ value}, where variable-size values carry a uvarint length. Text and binary are both parsed
 * strictly and equality is on the binary form, so {@code /ipfs/…} and {@code /p2p/…} (same code) are equal.
 */
public final class Multiaddr {
    public static final int MAX_BYTES = 1024;
    public static final int MAX_TEXT_CHARS = 2048;
    public static final int MAX_COMPONENTS = 16;

    private final List<Component> components;
    private final byte[] bytes;

    private Multiaddr(List<Component> components) {
        if (components.isEmpty()) {
            throw new MultiaddrException("empty multiaddr");
        }
        if (components.size() > MAX_COMPONENTS) {
            throw new MultiaddrException("more than " + MAX_COMPONENTS + " components");
        }
        this.components = List.copyOf(components);
        this.bytes = encode(this.components);
        if (bytes.length > MAX_BYTES) {
            throw new MultiaddrException("multiaddr of " + bytes.length + " bytes, over " + MAX_BYTES);
        }
    }

    public static Multiaddr parse(String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new MultiaddrException("multiaddr text of " + text.length() + " characters, over " + MAX_TEXT_CHARS);
        }
        if (!text.startsWith("/")) {
            throw new MultiaddrException("multiaddr '" + text + "' does not start with '/'");
        }
        String[] parts = text.substring(1).split("/", -1);
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new MultiaddrException("multiaddr '" + text + "' has an empty protocol name");
            }
            Protocol protocol = Protocol.fromText(parts[i]);
            if (++i >= parts.length) {
                throw new MultiaddrException("multiaddr '" + text + "': /" + protocol.text + " lacks its value");
            }
            components.add(new Component(protocol, ProtocolValues.fromText(protocol, parts[i])));
            if (components.size() > MAX_COMPONENTS) {
                throw new MultiaddrException("more than " + MAX_COMPONENTS + " components");
            }
        }
        return new Multiaddr(components);
    }

    public static Multiaddr fromBytes(byte[] in) {
        if (in.length > MAX_BYTES) {
            throw new MultiaddrException("multiaddr of " + in.length + " bytes, over " + MAX_BYTES);
        }
        List<Component> components = new ArrayList<>();
        int at = 0;
        try {
            while (at < in.length) {
                Varint.Decoded code = Varint.decode(in, at);
                at += code.length();
                Protocol protocol = Protocol.fromCode(code.value());
                int size = protocol.size;
                if (size == Protocol.VARIABLE) {
                    Varint.Decoded length = Varint.decode(in, at);
                    at += length.length();
                    size = (int) Math.min(length.value(), Integer.MAX_VALUE);
                }
                if (size > in.length - at) {
                    throw new MultiaddrException("/" + protocol.text + " value truncated at byte " + at);
                }
                byte[] value = Arrays.copyOfRange(in, at, at + size);
                at += size;
                ProtocolValues.checkBytes(protocol, value);
                components.add(new Component(protocol, value));
                if (components.size() > MAX_COMPONENTS) {
                    throw new MultiaddrException("more than " + MAX_COMPONENTS + " components");
                }
            }
        } catch (IpldFormatException e) {
            throw new MultiaddrException("multiaddr bytes: " + e.getMessage(), e);
        }
        return new Multiaddr(components);
    }

    private static byte[] encode(List<Component> components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Component component : components) {
            Varint.write(component.protocol().code, out);
            byte[] value = component.valueUnsafe();
            if (component.protocol().size == Protocol.VARIABLE) {
                Varint.write(value.length, out);
            }
            out.write(value, 0, value.length);
        }
        return out.toByteArray();
    }

    public List<Component> components() {
        return components;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The host and port to dial when the address starts with ip4/ip6/dns/dns4/dns6 followed by tcp. */
    public Optional<TcpTarget> tcpTarget() {
        if (components.size() < 2 || !components.get(0).protocol().isHost()
                || components.get(1).protocol() != Protocol.TCP) {
            return Optional.empty();
        }
        Component host = components.get(0);
        return Optional.of(new TcpTarget(host.protocol(), host.valueText(),
                Integer.parseInt(components.get(1).valueText())));
    }

    /** The peer ID of the last {@code /p2p} component, if any. */
    public Optional<PeerId> peerId() {
        Component last = components.get(components.size() - 1);
        return last.protocol() == Protocol.P2P ? Optional.of(PeerId.fromBytes(last.valueUnsafe())) : Optional.empty();
    }

    /** This address ending in {@code /p2p/<id>}; an address naming a different peer is an error, not overwritten. */
    public Multiaddr withPeerId(PeerId peerId) {
        Optional<PeerId> existing = peerId();
        if (existing.isPresent()) {
            if (existing.get().equals(peerId)) {
                return this;
            }
            throw new MultiaddrException(this + " already names peer " + existing.get() + ", not " + peerId);
        }
        List<Component> extended = new ArrayList<>(components);
        extended.add(new Component(Protocol.P2P, peerId.bytes()));
        return new Multiaddr(extended);
    }

    /** This address without a trailing {@code /p2p} component (the transport part). */
    public Multiaddr withoutPeerId() {
        if (peerId().isEmpty()) {
            return this;
        }
        return new Multiaddr(components.subList(0, components.size() - 1));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        components.forEach(out::append);
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Multiaddr that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
