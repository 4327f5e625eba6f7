package dev.granary.p2p.multiaddr;

/**
 * Where to open a TCP connection. {@code host} is an IP literal for ip4/ip6 and a name to resolve for dns*;
 * {@code hostProtocol} tells which, so a dialer can restrict resolution to IPv4 for dns4 and IPv6 for dns6.
 */
public record TcpTarget(Protocol hostProtocol, String host, int port) {
}
