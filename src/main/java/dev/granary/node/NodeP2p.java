package dev.granary.node;

import dev.granary.p2p.P2pConfig;
import dev.granary.p2p.host.HostConfig;
import dev.granary.p2p.host.Libp2pHost;
import dev.granary.p2p.identity.IdentityFile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.List;

/** Starts the node's libp2p host from p2p.listen with the repo's persistent identity (keys/libp2p.key). */
final class NodeP2p {
    private NodeP2p() {
    }

    /**
     * Completes with the started host. On failure the half-built host is closed and the error names the listen address,
     * because the usual cause (port already in use) is an operator problem they fix in config.
     */
    static Future<Libp2pHost> start(Vertx vertx, Path repoRoot, P2pConfig p2p) {
        // The key file is read (or created and fsynced) with blocking I/O: keep it off the event loop.
        return vertx.executeBlocking(() -> IdentityFile.loadOrCreate(repoRoot)).compose(identity -> {
            Libp2pHost host = Libp2pHost.create(vertx, identity, hostConfig(p2p));
            return host.start().<Libp2pHost>map(addresses -> host).recover(failure -> host.close().transform(closed ->
                    Future.failedFuture(new IllegalStateException("cannot listen on p2p.listen=" + p2p.listen()
                            + ": " + failure.getMessage(), failure))));
        });
    }

    static HostConfig hostConfig(P2pConfig p2p) {
        return new HostConfig(List.of(p2p.listen()), "granary/" + BuildInfo.version(), p2p.maxConnections(),
                p2p.maxStreamsPerConnection(), p2p.handshakeTimeout(), p2p.idleTimeout());
    }
}
