package dev.granary.p2p.host;

import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.multiaddr.Multiaddr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A peer and the addresses it may be reached at (go-libp2p's AddrInfo), as deal clients and identify announce
 * them: often a private address first and a public one after. Addresses carry no {@code /p2p} suffix or this peer's.
 *
 * @param addresses at most {@link #MAX_ADDRESSES}, in the order they should be tried
 */
public record PeerAddresses(PeerId peer, List<Multiaddr> addresses) {
    /** Bounds the dialing work one request can cause. */
    public static final int MAX_ADDRESSES = 32;

    public PeerAddresses {
        Objects.requireNonNull(peer, "peer");
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException(addresses.size() + " addresses for " + peer + ", at most "
                    + MAX_ADDRESSES + " are tried");
        }
        List<Multiaddr> transports = new ArrayList<>(addresses.size());
        for (Multiaddr address : addresses) {
            PeerId named = address.peerId().orElse(peer);
            if (!named.equals(peer)) {
                throw new IllegalArgumentException(address + " names peer " + named + ", not " + peer);
            }
            transports.add(address.withoutPeerId());
        }
        addresses = List.copyOf(transports);
    }

    /** The peer and address of one {@code .../p2p/<id>} multiaddr. */
    public static PeerAddresses of(Multiaddr address) {
        PeerId peer = address.peerId().orElseThrow(
                () -> new IllegalArgumentException(address + " does not name a peer (/p2p/...)"));
        return new PeerAddresses(peer, List.of(address));
    }

    /** The addresses we can dial (TCP over ip4, ip6 or DNS), in order. */
    public List<Multiaddr> dialable() {
        return addresses.stream().filter(address -> address.tcpTarget().isPresent()).toList();
    }
}
