package dev.granary.p2p.host;

import dev.granary.p2p.multiaddr.Multiaddr;
import dev.granary.p2p.multiaddr.Protocol;
import dev.granary.p2p.multiaddr.TcpTarget;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a wildcard listen address ({@code /ip4/0.0.0.0/...}, {@code /ip6/::/...}) into the addresses a peer can
 * actually dial: one per address of each interface that is up, loopback first, as lotus' {@code net listen} shows
 * them. Other addresses pass through unchanged. Reads the interface table, so call it off the event loop.
 */
final class InterfaceAddresses {
    private InterfaceAddresses() {
    }

    static List<Multiaddr> expand(Multiaddr bound) {
        TcpTarget target = bound.tcpTarget().orElse(null);
        if (target == null || !isWildcard(target)) {
            return List.of(bound);
        }
        boolean ipv4 = target.hostProtocol() == Protocol.IP4;
        List<InetAddress> loopback = new ArrayList<>();
        List<InetAddress> others = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    boolean family = ipv4 ? address instanceof Inet4Address : address instanceof Inet6Address;
                    if (family && !address.isLinkLocalAddress()) {
                        (address.isLoopbackAddress() ? loopback : others).add(address);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of(bound);
        }
        List<Multiaddr> dialable = new ArrayList<>();
        for (List<InetAddress> group : List.of(loopback, others)) {
            for (InetAddress address : group) {
                String host = address.getHostAddress();
                int scope = host.indexOf('%');
                Multiaddr local = Multiaddr.parse("/" + target.hostProtocol().text + "/"
                        + (scope < 0 ? host : host.substring(0, scope)) + "/tcp/" + target.port());
                dialable.add(bound.peerId().map(local::withPeerId).orElse(local));
            }
        }
        return dialable.isEmpty() ? List.of(bound) : dialable;
    }

    private static boolean isWildcard(TcpTarget target) {
        return target.host().equals("0.0.0.0") || target.host().equals("::") || target.host().equals("0:0:0:0:0:0:0:0");
    }
}
