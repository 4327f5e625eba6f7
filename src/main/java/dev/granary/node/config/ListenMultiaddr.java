package dev.granary.node.config;

import dev.granary.node.config.ValueParser.InvalidValueException;

/**
 * Basic shape of p2p.listen: /ip4|ip6|dns|dns4|dns6/ADDRESS/tcp/PORT, optionally followed by more
 * protocols. Full multiaddr validation belongs to the p2p package; this only catches the typos an
 * operator makes in a config file before the node gets that far.
 */
final class ListenMultiaddr {
    private ListenMultiaddr() {
    }

    static void check(String text) {
        if (!text.startsWith("/")) {
            throw new InvalidValueException(null);
        }
        String[] parts = text.substring(1).split("/", -1);
        if (parts.length < 4) {
            throw new InvalidValueException("it needs an address and a TCP port, as in /ip4/0.0.0.0/tcp/24001");
        }
        String address = parts[1];
        boolean addressOk = switch (parts[0]) {
            case "ip4" -> HostSyntax.isIpv4(address);
            case "ip6" -> HostSyntax.isIpv6(address);
            case "dns", "dns4", "dns6" -> HostSyntax.isHostnameOrIpv4(address);
            default -> throw new InvalidValueException("it must start with /ip4, /ip6, /dns, /dns4 or /dns6");
        };
        if (!addressOk) {
            throw new InvalidValueException("the address is not valid for /" + parts[0]);
        }
        if (!parts[2].equals("tcp")) {
            throw new InvalidValueException("the address must be followed by /tcp/PORT");
        }
        if (HostSyntax.port(parts[3]) < 0) {
            throw new InvalidValueException("the TCP port must be a number from 0 to 65535");
        }
        for (int i = 4; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new InvalidValueException("it has an empty component (a doubled or trailing '/')");
            }
        }
    }
}
