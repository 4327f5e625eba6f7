package dev.granary.p2p.host;

import dev.granary.p2p.multiaddr.Multiaddr;

import java.util.List;
import java.util.Optional;

/**
 * What a peer says about itself on {@code /ipfs/id/1.0.0}. Addresses we cannot parse (unknown multiaddr protocols)
 * are left out rather than failing the whole message.
 */
public record IdentifyInfo(byte[] publicKey, List<Multiaddr> listenAddrs, List<String> protocols,
                           Optional<Multiaddr> observedAddr, String protocolVersion, String agentVersion) {
    public IdentifyInfo {
        publicKey = publicKey.clone();
        listenAddrs = List.copyOf(listenAddrs);
        protocols = List.copyOf(protocols);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
