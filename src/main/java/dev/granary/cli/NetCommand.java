package dev.granary.cli;

import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Client commands for the running node's libp2p host, answered over JSON-RPC (Granary.NetId, Granary.NetPeers,
 * Granary.NetPing).
 */
@Command(name = "net", mixinStandardHelpOptions = true, description = "Inspect and test the node's libp2p host.",
        subcommands = {NetCommand.Id.class, NetCommand.Peers.class, NetCommand.Ping.class})
public final class NetCommand extends CommandGroup {

    @Command(name = "id", mixinStandardHelpOptions = true,
            description = "Print the running node's peer ID and listen addresses.")
    static final class Id extends NodeCall {
        @Option(names = "--json", description = "Print the Granary.NetId result as JSON.")
        boolean json;

        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException {
            JsonObject id = (JsonObject) node.call("Granary.NetId");
            if (json) {
                out.println(id.encode());
            } else {
                out.println(id.getString("ID"));
                id.getJsonArray("Addrs", new JsonArray()).forEach(address -> out.println("  " + address));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "peers", mixinStandardHelpOptions = true,
            description = "List the peers the running node is connected to: peer ID, their address, direction, streams.")
    static final class Peers extends NodeCall {
        @Option(names = "--json", description = "Print the Granary.NetPeers result as JSON.")
        boolean json;

        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException {
            JsonArray peers = (JsonArray) node.call("Granary.NetPeers");
            if (json) {
                out.println(peers.encode());
                return ExitCodes.OK;
            }
            for (Object item : peers) {
                JsonObject peer = (JsonObject) item;
                JsonArray addresses = peer.getJsonArray("Addrs", new JsonArray());
                out.printf("%s  %s  %s  streams=%d%n", peer.getString("ID"),
                        addresses.isEmpty() ? "-" : addresses.getString(0), peer.getString("Direction"),
                        peer.getInteger("Streams"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "ping", mixinStandardHelpOptions = true,
            description = "Have the running node ping a peer over /ipfs/ping/1.0.0 and print each round-trip time.")
    static final class Ping extends NodeCall {
        @Parameters(paramLabel = "MULTIADDR", description = "Peer address ending in /p2p/<peer id>.")
        String address;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Pings to send (default 1).")
        int count;

        @Option(names = "--json", description = "Print one JSON object per ping: {\"Peer\", \"RttNanos\"}.")
        boolean json;

        private String peer;

        @Override
        void checkArguments() throws UsageException {
            try {
                peer = Multiaddr.parse(address).peerId().map(Object::toString).orElseThrow(
                        () -> new IllegalArgumentException("it does not end in /p2p/<peer id>"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad multiaddr " + address + ": " + e.getMessage());
            }
            if (count < 1) {
                throw new UsageException("--count must be at least 1");
            }
        }

        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException {
            for (int i = 0; i < count; i++) {
                long nanos = ((Number) node.call("Granary.NetPing", address)).longValue();
                out.println(json ? new JsonObject().put("Peer", peer).put("RttNanos", nanos).encode()
                        : "pong from " + peer + " in " + String.format(Locale.ROOT, "%.2f", nanos / 1e6) + " ms");
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
