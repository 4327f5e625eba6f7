package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.multiaddr.Multiaddr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterfaceAddressesTest {
    private final String peer = "/p2p/" + Ed25519Identity.generate().peerId();

    @Test
    void wildcardIp4BecomesEveryInterfaceAddressLoopbackFirst() {
        List<Multiaddr> dialable = InterfaceAddresses.expand(Multiaddr.parse("/ip4/0.0.0.0/tcp/24001" + peer));
        assertEquals(Multiaddr.parse("/ip4/127.0.0.1/tcp/24001" + peer), dialable.get(0));
        for (Multiaddr address : dialable) {
            assertTrue(address.toString().startsWith("/ip4/") && address.toString().endsWith("/tcp/24001" + peer),
                    address::toString);
            assertFalse(address.toString().startsWith("/ip4/0.0.0.0/"), address::toString);
        }
    }

    @Test
    void specificAddressesPassThrough() {
        Multiaddr bound = Multiaddr.parse("/ip4/10.1.2.3/tcp/5" + peer);
        assertEquals(List.of(bound), InterfaceAddresses.expand(bound));
    }
}
