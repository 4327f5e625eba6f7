package dev.granary.node;

import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcCall;
import dev.granary.api.rpc.RpcException;
import dev.granary.api.rpc.RpcMethod;
import dev.granary.p2p.host.Libp2pHost;
import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The libp2p JSON-RPC methods, shaped like lotus' NetAddrsListen and NetPing so lotus-minded clients read them the
 * same way. Without a host (p2p.listen empty) they fail with a message saying so rather than inventing an answer.
 */
final class NetRpcMethods {
    /** Application error, as lotus uses for failures that are not JSON-RPC protocol errors. */
    static final int P2P_ERROR = 1;

    private final Optional<Libp2pHost> host;

    NetRpcMethods(Optional<Libp2pHost> host) {
        this.host = host;
    }

    List<RpcMethod> all() {
        return List.of(
                new RpcMethod("Granary.NetId", Permission.READ, this::netId),
                new RpcMethod("Granary.NetPing", Permission.WRITE, this::netPing),
                new RpcMethod("Granary.NetPeers", Permission.READ, this::netPeers));
    }

    /** params: []; returns {"ID": peer ID, "Addrs": [listen multiaddrs without /p2p]}, like lotus' AddrInfo. */
    private Future<JsonObject> netId(JsonArray params, RpcCall call) {
        return requireHost().map(h -> new JsonObject()
                .put("ID", h.peerId().toString())
                .put("Addrs", new JsonArray(h.listenAddresses().stream()
                        .map(address -> address.withoutPeerId().toString()).toList())));
    }

    /**
     * params: []; returns [{"ID", "Addrs": [the peer's end of the connection], "Direction": "inbound"|"outbound",
     * "Streams": open streams}], lotus' NetPeers AddrInfo list with the connection's direction and streams added.
     */
    private Future<JsonArray> netPeers(JsonArray params, RpcCall call) {
        return requireHost().compose(Libp2pHost::peers).map(peers -> new JsonArray(peers.stream()
                .map(peer -> new JsonObject()
                        .put("ID", peer.peer().toString())
                        .put("Addrs", peer.remoteAddress() == null ? new JsonArray()
                                : new JsonArray().add(peer.remoteAddress().toString()))
                        .put("Direction", peer.direction())
                        .put("Streams", peer.streams()))
                .toList()));
    }

    /**
     * params: [multiaddr ending in /p2p/ID]; returns the round-trip time in nanoseconds, which is how lotus' NetPing
     * result (a Go time.Duration) appears in JSON.
     */
    private Future<Long> netPing(JsonArray params, RpcCall call) {
        if (params == null || params.size() != 1 || !(params.getValue(0) instanceof String text)) {
            return Future.failedFuture(RpcException.invalidParams("expected one string parameter: multiaddr"));
        }
        Multiaddr target;
        try {
            target = Multiaddr.parse(text);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(RpcException.invalidParams("bad multiaddr " + text + ": " + e.getMessage()));
        }
        if (target.peerId().isEmpty()) {
            return Future.failedFuture(RpcException.invalidParams(text + " does not name a peer (/p2p/ID)"));
        }
        return requireHost().compose(h -> h.ping(target)).recover(failure -> Future.failedFuture(
                failure instanceof RpcException ? failure
                        : new RpcException(P2P_ERROR, "ping " + text + " failed: " + failure.getMessage())));
    }

    private Future<Libp2pHost> requireHost() {
        return host.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                new RpcException(P2P_ERROR, "this node has no libp2p host (p2p.listen is empty)")));
    }
}
