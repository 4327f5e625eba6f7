package dev.granary.p2p.host;

import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.multiaddr.Multiaddr;

/**
 * One open connection as an operator sees it in {@code granary net peers}.
 *
 * @param remoteAddress where the peer's end of the TCP connection is; null if the socket no longer says
 * @param outbound      true when we dialed
 * @param streams       yamux streams open on it at the moment of asking
 */
public record ConnectedPeer(PeerId peer, Multiaddr remoteAddress, boolean outbound, int streams) {
    public String direction() {
        return outbound ? "outbound" : "inbound";
    }
}
