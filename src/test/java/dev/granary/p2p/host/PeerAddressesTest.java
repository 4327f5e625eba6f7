package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.multiaddr.Multiaddr;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerAddressesTest {
    private final PeerId peer = Ed25519Identity.generate().peerId();
    private final PeerId other = Ed25519Identity.generate().peerId();

    @Test
    void keepsTransportsInOrderWithoutTheirPeerSuffix() {
        Multiaddr tcp = Multiaddr.parse("/ip4/10.0.0.7/tcp/24001");
        Multiaddr named = Multiaddr.parse("/dns4/sp.example/tcp/24002/p2p/" + peer);
        Multiaddr hostOnly = Multiaddr.parse("/ip6/::1");
        PeerAddresses addresses = new PeerAddresses(peer, List.of(tcp, named, hostOnly));
        assertEquals(List.of(tcp, named.withoutPeerId(), hostOnly), addresses.addresses());
        assertEquals(List.of(tcp, named.withoutPeerId()), addresses.dialable());
        assertEquals(new PeerAddresses(peer, List.of(named.withoutPeerId())), PeerAddresses.of(named));
    }

    @Test
    void refusesAddressesOfAnotherPeerTooManyAddressesAndAddressesWithoutAPeer() {
        IllegalArgumentException wrongPeer = assertThrows(IllegalArgumentException.class, () -> new PeerAddresses(peer,
                List.of(Multiaddr.parse("/ip4/1.2.3.4/tcp/1/p2p/" + other))));
        assertTrue(wrongPeer.getMessage().contains("names peer " + other), wrongPeer.getMessage());
        List<Multiaddr> many = Collections.nCopies(PeerAddresses.MAX_ADDRESSES + 1, Multiaddr.parse("/ip4/1.2.3.4/tcp/1"));
        assertThrows(IllegalArgumentException.class, () -> new PeerAddresses(peer, many));
        assertThrows(IllegalArgumentException.class, () -> PeerAddresses.of(Multiaddr.parse("/ip4/1.2.3.4/tcp/1")));
    }
}
