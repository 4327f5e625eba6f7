package dev.granary.p2p.host;

import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The identify protobuf and its framing: uvarint length before each message, several messages merged. */
final class IdentifyCodec {
    static final String PROTOCOL_VERSION = "ipfs/0.1.0";
    /** go and js limits: at most 10 messages of at most 8 KiB each. */
    static final int MAX_MESSAGES = 10;
    static final int MAX_MESSAGE_BYTES = 8192;

    private static final int PUBLIC_KEY = 1;
    private static final int LISTEN_ADDRS = 2;
    private static final int PROTOCOLS = 3;
    private static final int OBSERVED_ADDR = 4;
    private static final int PROTOCOL_VERSION_FIELD = 5;
    private static final int AGENT_VERSION = 6;

    private IdentifyCodec() {
    }

    /** One length-prefixed message, ready to write. */
    static Buffer encode(IdentifyInfo info) {
        Buffer body = Buffer.buffer();
        Proto.writeBytes(body, PUBLIC_KEY, info.publicKey());
        info.listenAddrs().forEach(address -> Proto.writeBytes(body, LISTEN_ADDRS, address.bytes()));
        info.protocols().forEach(protocol -> Proto.writeBytes(body, PROTOCOLS, utf8(protocol)));
        info.observedAddr().ifPresent(address -> Proto.writeBytes(body, OBSERVED_ADDR, address.bytes()));
        Proto.writeBytes(body, PROTOCOL_VERSION_FIELD, utf8(info.protocolVersion()));
        Proto.writeBytes(body, AGENT_VERSION, utf8(info.agentVersion()));
        Buffer out = Buffer.buffer(body.length() + 3);
        Proto.writeVarint(out, body.length());
        return out.appendBuffer(body);
    }

    /** Decodes everything the responder wrote before FIN; later messages override single fields and extend lists. */
    static IdentifyInfo decode(Buffer all) {
        var merged = new Object() {
            byte[] publicKey = new byte[0];
            final List<Multiaddr> listenAddrs = new ArrayList<>();
            final List<String> protocols = new ArrayList<>();
            Multiaddr observed;
            String protocolVersion = "";
            String agentVersion = "";
        };
        int[] position = {0};
        int messages = 0;
        while (position[0] < all.length()) {
            if (++messages > MAX_MESSAGES) {
                throw new IllegalArgumentException("more than " + MAX_MESSAGES + " identify messages");
            }
            long length = Proto.readVarint(all, position);
            if (length > MAX_MESSAGE_BYTES || length > all.length() - position[0]) {
                throw new IllegalArgumentException("identify message of " + length + " bytes is too long or truncated");
            }
            Buffer message = all.getBuffer(position[0], position[0] + (int) length);
            position[0] += (int) length;
            Proto.forEachBytesField(message, (field, value) -> {
                switch (field) {
                    case PUBLIC_KEY -> merged.publicKey = value;
                    case LISTEN_ADDRS -> parseAddress(value).ifPresent(merged.listenAddrs::add);
                    case PROTOCOLS -> merged.protocols.add(new String(value, StandardCharsets.UTF_8));
                    case OBSERVED_ADDR -> merged.observed = parseAddress(value).orElse(null);
                    case PROTOCOL_VERSION_FIELD -> merged.protocolVersion = new String(value, StandardCharsets.UTF_8);
                    case AGENT_VERSION -> merged.agentVersion = new String(value, StandardCharsets.UTF_8);
                    default -> { } // e.g. go's signed peer record (8): optional, not needed here
                }
            });
        }
        return new IdentifyInfo(merged.publicKey, merged.listenAddrs, merged.protocols,
                Optional.ofNullable(merged.observed), merged.protocolVersion, merged.agentVersion);
    }

    private static Optional<Multiaddr> parseAddress(byte[] bytes) {
        try {
            return Optional.of(Multiaddr.fromBytes(bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
