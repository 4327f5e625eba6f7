package dev.granary.p2p.multiaddr;

import dev.granary.p2p.identity.IdentityException;
import dev.granary.p2p.identity.PeerId;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text ⇄ bytes for each protocol's value, strict in both directions so one address has one form. */
final class ProtocolValues {
    static final int MAX_DNS_NAME_BYTES = 255;

    private ProtocolValues() {
    }

    static byte[] fromText(Protocol protocol, String text) {
        return switch (protocol) {
            case IP4 -> ip4(text);
            case IP6 -> ip6(text);
            case TCP -> port(text);
            case DNS, DNS4, DNS6, DNSADDR -> dnsName(text.getBytes(StandardCharsets.UTF_8), text);
            case P2P -> peerId(text).bytes();
        };
    }

    static String toText(Protocol protocol, byte[] value) {
        return switch (protocol) {
            case IP4 -> (value[0] & 0xFF) + "." + (value[1] & 0xFF) + "." + (value[2] & 0xFF) + "." + (value[3] & 0xFF);
            case IP6 -> Ip6Text.format(value);
            case TCP -> Integer.toString(((value[0] & 0xFF) << 8) | (value[1] & 0xFF));
            case DNS, DNS4, DNS6, DNSADDR -> new String(value, StandardCharsets.UTF_8);
            case P2P -> peerIdFromBytes(value).toBase58();
        };
    }

    /** Checks a binary value (the length is already right for fixed-size protocols). */
    static void checkBytes(Protocol protocol, byte[] value) {
        switch (protocol) {
            case DNS, DNS4, DNS6, DNSADDR -> dnsName(value, null);
            case P2P -> peerIdFromBytes(value);
            default -> {
            }
        }
    }

    private static byte[] ip4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new MultiaddrException("ip4 '" + text + "' is not four dotted numbers");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) decimal(parts[i], 255, "ip4 '" + text + "'");
        }
        return out;
    }

    private static byte[] port(String text) {
        int port = decimal(text, 65535, "tcp port '" + text + "'");
        return new byte[]{(byte) (port >>> 8), (byte) port};
    }

    /** Plain decimal without sign or leading zeros: "010" would be octal to some parsers, so it is refused. */
    private static int decimal(String text, int max, String what) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new MultiaddrException(what + " is not a decimal number");
        }
        int value = Integer.parseInt(text);
        if (value > max) {
            throw new MultiaddrException(what + " is over " + max);
        }
        return value;
    }

    private static byte[] ip6(String text) {
        // only hex digits, ':' and '.' with at least one ':' — InetAddress then parses a literal and never does DNS
        boolean literalChars = !text.isEmpty() && text.length() <= 45 && text.indexOf(':') >= 0
                && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!literalChars) {
            throw new MultiaddrException("ip6 '" + text + "' is not an IPv6 address");
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            byte[] raw = address.getAddress();
            if (address instanceof Inet4Address) {
                // the JDK turns ::ffff:a.b.c.d into an IPv4 address; keep the IPv6 form the text gave
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(raw, 0, mapped, 12, 4);
                return mapped;
            }
            return raw;
        } catch (UnknownHostException | RuntimeException e) {
            throw new MultiaddrException("ip6 '" + text + "' is not an IPv6 address", e);
        }
    }

    private static byte[] dnsName(byte[] utf8, String text) {
        String name = text;
        if (name == null) {
            try {
                name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
            } catch (CharacterCodingException e) {
                throw new MultiaddrException("dns name is not valid UTF-8");
            }
        }
        if (utf8.length == 0 || utf8.length > MAX_DNS_NAME_BYTES) {
            throw new MultiaddrException("dns name of " + utf8.length + " bytes (1.." + MAX_DNS_NAME_BYTES + " allowed)");
        }
        if (name.chars().anyMatch(c -> c == '/' || c <= ' ' || c == 0x7F)) {
            throw new MultiaddrException("dns name contains '/', a space or a control character");
        }
        return utf8;
    }

    private static PeerId peerId(String text) {
        try {
            return PeerId.parse(text);
        } catch (IdentityException e) {
            throw new MultiaddrException("p2p: " + e.getMessage(), e);
        }
    }

    private static PeerId peerIdFromBytes(byte[] value) {
        try {
            return PeerId.fromBytes(value);
        } catch (IdentityException e) {
            throw new MultiaddrException("p2p: " + e.getMessage(), e);
        }
    }
}
