package dev.granary.p2p.host;

import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.Future;

import java.util.Optional;

/** {@code /ipfs/id/1.0.0}: the responder writes one length-prefixed record and closes its side (FIN). */
final class IdentifyProtocol {
    static final String ID = "/ipfs/id/1.0.0";
    private static final int MAX_RESPONSE_BYTES = IdentifyCodec.MAX_MESSAGES * (IdentifyCodec.MAX_MESSAGE_BYTES + 2);

    private IdentifyProtocol() {
    }

    /** Without the FIN, go waits 5 s for more messages before it lets any stream of that connection proceed. */
    static void serve(Libp2pHost host, Libp2pStream stream) {
        IdentifyInfo info = new IdentifyInfo(host.identity().publicKeyProto(),
                host.listenAddresses().stream().map(Multiaddr::withoutPeerId).toList(), host.protocols(),
                Optional.ofNullable(host.observedAddress(stream)), IdentifyCodec.PROTOCOL_VERSION,
                host.config().agentVersion());
        stream.handler(ignored -> { }); // the requester sends nothing; drain whatever comes so the window stays open
        stream.write(IdentifyCodec.encode(info));
        stream.end();
    }

    static Future<IdentifyInfo> request(Libp2pStream stream) {
        stream.end(); // we send nothing; an early FIN lets the responder finish its half cleanly
        return stream.readAll(MAX_RESPONSE_BYTES).map(IdentifyCodec::decode);
    }
}
